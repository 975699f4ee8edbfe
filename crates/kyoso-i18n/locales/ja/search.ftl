## The search page: one search over every kind of record.

search-title = 検索
search-intro = 人、組織、ニーズ、技術、企業、プログラム、教訓、質問をまとめて検索します。日本語・英語・タイ語・ベトナム語のどれで書いても、別の言語で書かれた記録も同じ言葉で見つかります。
search-query = 何をお探しですか？
search-placeholder = 例: 潤滑、lubrication、bôi trơn、フォークリフト
search-button = 検索
# How many records match. $count: a number.
search-found = { $count } 件見つかりました
search-nothing = 見つかりませんでした。別の言葉や言語で試すか、絞り込みを減らしてください。
search-empty = 言葉を入力するか、左で種類・国・分野を選んでください。
search-narrow = 絞り込み
search-facet-kind = 種類
search-facet-country = 国
search-facet-sector = 分野
search-facet-language = 言語
search-clear = すべての絞り込みを解除
# A filter that is on; following it turns it off.
search-remove-filter = この絞り込みを外す
search-translated = 翻訳
search-translated-hint = あなたの言語で表示しています。元の記録は別の言語で書かれています。
search-matched = 一致
search-previous = 前へ
search-next = 次へ
# $from, $to: positions of the first and the last result shown; $total: all results.
search-showing = { $total } 件中 { $from }–{ $to } 件
search-kinds-person = 人
search-kinds-organization = 組織
search-kinds-event = イベント
search-kinds-need = ニーズ
search-kinds-technology = 技術
search-kinds-company = 企業
search-kinds-program = プログラム
search-kinds-lesson = 教訓
search-kinds-question = 質問
