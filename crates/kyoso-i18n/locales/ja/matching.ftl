### The matching pages' texts: needs, candidates, the pipeline, the technology catalogue and assignment rounds.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Needs

matching-needs = ニーズ
matching-needs-intro = 相手国の組織や人々がネットワークに求めるもの：専門家、技術、パートナー、研修、メンター、投資。
matching-post-need = ニーズを投稿
matching-no-needs = 該当するニーズはありません。
matching-kind = 種類
matching-status = 状況
matching-title = 件名
matching-description = 説明
matching-skills = スキル
matching-required-skills = 全候補者に必須のスキル
matching-sectors = 分野
matching-country = 業務を行う国
matching-require-country = この国での経験がある候補者のみ
matching-languages = 言語
matching-another-language = ほかの言語
matching-works-in = 業務・サポートの言語
matching-offer-countries = 国
matching-offer-countries-hint = 技術：すでに導入されている国／企業：進出を目指す市場
matching-another-country = ほかの国
matching-least-level = 最低水準
matching-must-hold = 必須（満たさない候補は外す）
matching-or-above = または：上の言語の代わりにこの言語でもよい
matching-available-by = 対応可能になっている必要がある日
matching-people-only = 専門家・メンターのみ：それより後にしか対応できない人は候補から外れます
matching-require-available = 対応可能な候補者のみ
matching-deadline = 期限

## Candidates and introductions

matching-candidates = おすすめの候補

# $shown: how many candidates are shown (a number)
# $pool: how many candidates were ranked (a number)
matching-candidates-intro = { $pool }件のうち上位{ $shown }件。それぞれにスコアの理由があります。

matching-score = スコア
matching-why = 理由
matching-warm-path = 紹介の経路
matching-provider = 提供者
matching-champion = 現地の推進役
matching-champion-hint = その国で技術を広められる帰国者
matching-ask-introduction = 紹介を依頼する
matching-already-matched = 進行中
matching-no-candidates = このニーズとスキル・分野・国が共通する候補はいません。
matching-sign-in-to-match = 候補を見るにはサインインしてください。
matching-matches = 紹介
matching-no-matches = まだ紹介の依頼はありません。
matching-move-to = 次の段階
matching-outcome = 成果
matching-note = メモ
matching-note-hint = 辞退する場合はその理由
matching-save = 保存
matching-close-need = ニーズを締め切る
matching-reopen-need = 再び受け付ける

# $date: the deadline, as YYYY-MM-DD
matching-expires-soon = このニーズは{ $date }に期限を迎えます。期限を延ばすか、締め切ってください。

matching-expired-note = このニーズは期限切れです。期限を延ばすと再び受け付けます。
matching-weights-note = 重み：スキル35%、分野10%、言語15%、国10%、対応可否10%、実績8%、ネットワーク12%。

## The pipeline

matching-pipeline = マッチングの進行状況
matching-pipeline-intro = 自組織のニーズについて依頼されたすべての紹介を、段階ごとに表示します。
matching-candidate = 候補

## Technologies and partners

matching-catalogue = 技術とパートナー
matching-catalogue-intro = 相手国で使える日本の技術と、パートナーを求める企業。
matching-list-offer = 提供を掲載する
matching-no-offers = 該当する提供はありません。
matching-search = 検索
matching-readiness = 技術成熟度（TRL）
matching-min-readiness = TRLの下限
matching-sdgs = SDGs
matching-deployed-in = 導入済みの国
matching-deployed-abroad = 日本国外のいずれか
matching-another-sector = ほかの分野
matching-technology-only = 技術ニーズのみ：満たさない技術は候補から外れます
matching-markets-sought = 求める市場
matching-seeks = 求めるもの
matching-keywords = キーワード
matching-capacity = 供給能力
matching-any = すべて

## Assignment rounds

matching-assignment = 配属ラウンド
matching-assignment-intro = 参加者を受入先に割り当てます（実習生を受入企業へ、メンティーをメンターへ）。定員とスコアを考慮します。
matching-round-file = ラウンドのCSV：participant,host,score,capacity[,participant_preference,host_preference,country,gender]
matching-mode = 方式
matching-mode-optimal = 最適：スコアの合計が最大
matching-mode-stable = 安定：互いに相手を望む参加者と受入先の組が残らない
matching-assign = 割り当てる
matching-participants = 参加者
matching-hosts = 受入先
matching-places = 定員
matching-placed = 配属
matching-total-score = スコア合計
matching-participant = 参加者
matching-host = 受入先
matching-reason = 理由
matching-fairness = 公平性
matching-by-country = 国別
matching-by-gender = 性別
matching-share-placed = 配属率
matching-mean-score = 平均スコア
matching-no-candidates-reason = 候補の受入先がない
matching-hosts-full-reason = 候補の受入先がすべて満員
matching-not-worth-it-reason = スコアが正になる配属がない

## Need kinds

matching-need-kind-expertise = 専門家
matching-need-kind-technology = 技術
matching-need-kind-business-partner = ビジネスパートナー
matching-need-kind-training = 研修
matching-need-kind-mentoring = メンタリング
matching-need-kind-investment = 投資

## Need statuses

matching-need-status-open = 受付中
matching-need-status-matched = マッチ済み
matching-need-status-closed = 締切
matching-need-status-expired = 期限切れ

## Match statuses

matching-match-status-proposed = 提案
matching-match-status-introduced = 紹介済み
matching-match-status-accepted = 承諾
matching-match-status-declined = 辞退
matching-match-status-collaborating = 協働中
matching-match-status-concluded = 完了

## Match outcomes

matching-match-outcome-agreement-signed = 契約締結
matching-match-outcome-demonstration-done = 実証完了
matching-match-outcome-hired = 採用
matching-match-outcome-no-result = 成果なし

## Offer kinds

matching-offer-kind-technology = 技術
matching-offer-kind-partnership = パートナーシップ

## What a company seeks in a partner

matching-seek-joint-venture = 合弁パートナー
matching-seek-technical-cooperation = 技術協力
matching-seek-licence-out = 自社技術のライセンス先（ライセンスアウト）
matching-seek-licence-in = 導入する技術（ライセンスイン）
matching-seek-demonstration = 自社技術の実証先
matching-seek-buyer = 買い手・顧客
matching-seek-supplier = 仕入先・サプライヤー
matching-seek-distributor = 販売代理店
matching-seek-contract-manufacturing = 委託製造先
matching-seek-offshore-development = オフショア開発の委託先
matching-seek-investment = 出資の受け入れ
matching-seek-investing = 出資先


## Ranking factors

matching-factor-skills = スキル
matching-factor-sectors = 分野
matching-factor-languages = 言語
matching-factor-country = 国
matching-factor-availability = 対応可否
matching-factor-track-record = 実績
matching-factor-network = ネットワーク

# Beside a language a need requires (not only prefers).
matching-language-must = 必須

## The sides of a deal and the size of an investment

matching-seeks-hint = 投稿者が相手に求めるもの：取引の反対側を求める企業だけが候補になります
matching-seeks-offer-hint = この企業が相手に求めるもの
matching-investment-usd = 求める投資額（米ドル）
matching-invests-from-usd = 投資額の下限（米ドル）
matching-invests-up-to-usd = 投資額の上限（米ドル）
matching-invests = 1社あたりの投資額
matching-investing-only = 出資先を探す企業のみ

## How a course is taught

matching-course-mode = 実施形態
matching-course-mode-in-japan = 日本で実施
matching-course-mode-in-country = 参加者の国で実施
matching-course-mode-both = 日本と参加者の国の両方で実施
matching-course-mode-online = オンライン
matching-training-only = 研修ニーズのみ：ほかの形態の研修は候補から外れます

## The Sustainable Development Goals, by number

matching-sdgs-hint = 目標を名前で選ぶ。6.3のようなターゲットはAPIかファイルで
matching-sdg-1 = 1. 貧困をなくそう
matching-sdg-2 = 2. 飢餓をゼロに
matching-sdg-3 = 3. すべての人に健康と福祉を
matching-sdg-4 = 4. 質の高い教育をみんなに
matching-sdg-5 = 5. ジェンダー平等を実現しよう
matching-sdg-6 = 6. 安全な水とトイレを世界中に
matching-sdg-7 = 7. エネルギーをみんなに そしてクリーンに
matching-sdg-8 = 8. 働きがいも経済成長も
matching-sdg-9 = 9. 産業と技術革新の基盤をつくろう
matching-sdg-10 = 10. 人や国の不平等をなくそう
matching-sdg-11 = 11. 住み続けられるまちづくりを
matching-sdg-12 = 12. つくる責任 つかう責任
matching-sdg-13 = 13. 気候変動に具体的な対策を
matching-sdg-14 = 14. 海の豊かさを守ろう
matching-sdg-15 = 15. 陸の豊かさも守ろう
matching-sdg-16 = 16. 平和と公正をすべての人に
matching-sdg-17 = 17. パートナーシップで目標を達成しよう
matching-another-keyword = ほかのキーワード
matching-another-required-skill = ほかの必須スキル
matching-located-in = 候補の拠点
matching-or-located-in = または拠点
matching-located-in-hint = 人は居住国、企業・技術提供者は所在国。指定しなければどこでも
