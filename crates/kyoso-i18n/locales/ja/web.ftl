### The web interface's common texts: navigation, signing in, people, organizations, ties, forms and personal data.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Navigation and signing in

web-tagline = 日本の技術とノウハウを海外へつなぐ人々のネットワーク
web-home = ホーム
web-people = 人物
web-organizations = 組織
web-ties = つながり
web-audit-log = 監査ログ
web-api-reference = API
web-sign-in = ログイン
web-sign-out = ログアウト
web-signed-in-as = ログイン中：
web-email = メールアドレス
web-password = パスワード
web-sign-in-failed = メールアドレスまたはパスワードが正しくありません。
web-too-many-attempts = 試行回数が多すぎます。1分ほど待ってから、もう一度お試しください。

## Home, search and profiles

web-recent-activity = 最近の更新
web-no-activity = まだ更新はありません。
web-search = 検索
web-name = 氏名
web-name-native = 氏名（母語の文字）
web-name-latin = 氏名（ローマ字）
web-name-japanese = 氏名（日本語表記またはカタカナ読み）
web-country = 国
web-any = すべて
web-skill = スキル
web-sector = 分野
web-language = 言語
web-at-least = 以上
web-no-results = 条件に合う人物はいません。
web-next-page = 次のページ
web-residence = 居住国
web-another-language = ほかの言語
web-another-sector = ほかの分野
web-level = 水準
web-experience-countries = 住んだ・働いた国
web-another-country = ほかの国
web-available-from = 対応可能になる日（すぐでない場合）
web-nationality = 国籍
web-gender = 性別
web-languages = 言語
web-skills = スキル
web-sectors = 分野
web-available-mentoring = メンターとして協力可能
web-available-dispatch = 専門家派遣に応じられる
web-available-training = 講師・指導員として研修を行える
web-phone = 電話番号
web-bio = プロフィール
web-network = ネットワーク
web-ego-network-caption = この人物とつながりのある人物・組織

## Forms and messages

web-edit = 編集
web-save = 保存
web-cancel = キャンセル
web-delete = 削除
web-new-person = 人物を追加
web-new-organization = 組織を追加
web-new-tie = つながりを追加
web-edit-tie = つながりを編集
web-strength = 強さ
web-visibility = 公開範囲
web-sub-organizations = 下部組織
web-parent = 上部組織
web-website = ウェブサイト
web-org-type = 種別
web-acronym = 略称
web-present = 現在
web-fix-errors = 下記の項目を修正してください。
web-saved = 保存しました。
web-not-found = このページは存在しないか、閲覧する権限がありません。
web-forbidden = この操作は許可されていません。

## Personal data and erasure

web-download-my-data = 自分のデータをダウンロード
web-ask-erasure = 自分の記録の消去を依頼する
web-erasure-explained = 所属組織の担当者が記録を消去するか、まだ消去できない理由をお知らせします。
web-erasure-pending = 記録の消去の依頼は、所属組織の担当者の対応を待っています。
web-erasure-postponed = 記録はまだ消去できません：
web-erasure-requests = 消去の依頼
web-erasure-requests-none = 消去を待っている依頼はありません。
web-erase-now = 今すぐ消去する
web-postpone-because = まだ消去しない理由
web-requested-on = 依頼日
web-consent-processing = 個人データの取り扱いに同意
web-consent-contact = ネットワークからの連絡を許可
web-consent-public-listing = 一般公開を許可

## Ties and the audit log

web-kind = 種類
web-from = から
web-to = へ
web-start = 開始
web-end = 終了
web-role = 役割
web-note = メモ
web-when = 日時
web-who = 実行者
web-action = 操作
web-record = 対象
web-error-title = 問題が発生しました

## Visibility

web-vis-private = 自組織のみ
web-vis-network = ネットワーク内
web-vis-public = 一般公開

## Gender

web-female = 女性
web-male = 男性
web-other = その他

## Group headings of a profile's ties, by kind

web-studied-at = 学歴
web-trained-at = 研修歴
web-employed-by = 職歴
web-member-of = 所属団体
web-founded = 設立
web-mentored = 指導関係
web-hosted-intern = 実習
web-partnered-with = 提携
web-supervises = 監理
web-met-at = 交流

## Language switcher

# The language's own name, for the switcher: each language's file gives its own (look it up in each language to list the switcher).
web-language-own-name = 日本語
web-another-skill = ほかのスキル
web-word-rows-hint = 1つの欄に1つずつ。入力すると候補から選べます。候補にないものはそのまま書いてください
web-attended = 参加
web-event-kind = イベントの種類
web-event-dates = 日程
web-event-place = 会場
web-event-organizer = 主催
event-kind-conference = 会議
event-kind-seminar = セミナー
event-kind-workshop = ワークショップ
event-kind-training = 研修
event-kind-trade-fair = 見本市
event-kind-study-tour = 視察
event-kind-alumni-gathering = 同窓会の集い
event-kind-business-matching = ビジネスマッチング
event-kind-other = その他のイベント
web-events = イベント
web-met-at-event = 出会ったイベント（交流の場合）
