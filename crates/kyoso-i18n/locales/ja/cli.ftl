### The command line's messages to people: results, progress, errors and the settings it prints.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Errors

# Before the error that stopped a command. $error: what went wrong.
cli-error = エラー：{ $error }

# The program could not start its runtime. $error: why.
cli-error-cannot-start = エラー：起動できません：{ $error }

# Under cli-error, once per cause, indented by two spaces by the code.
cli-error-caused-by = 原因：{ $cause }

# What was being done when an error stopped the command: it follows "error: " and
# the cause follows it. Translations may say it failed. $database: the URL, password masked.
cli-opening-database = { $database }を開けませんでした

# As cli-opening-database. $file: a path.
cli-reading-file = { $file }を読み込めませんでした

# As cli-opening-database. $file: a path.
cli-creating-file = { $file }を作成できませんでした

# As cli-opening-database. $file: a path.
cli-renaming-file = { $file }に名前を変更できませんでした

# After the first faults of a refused file: how many more there are. $count: a number.
cli-and-more = ……ほか{ $count }件

## Settings (kyoso config)

# A comment line of `kyoso config`: keep the leading "# " so the output stays a valid kyoso.toml.
cli-config-read-from = # 読み込んだ設定ファイル：{ $file }

# A comment line of `kyoso config`: keep the leading "# ", `log` and --verbose.
cli-config-log-not-set = # log: 未設定（警告とエラーのみ。詳しく見るには --verbose）

# Where a setting came from, after "# " at the end of its line in `kyoso config`
# (a setting from the file shows kyoso.toml, not translated).
cli-config-source-default = 既定値

cli-config-source-environment = 環境変数
cli-config-source-flag = コマンドラインオプション

# As cli-opening-database. $file: the settings file's path.
cli-config-reading-file = 設定ファイル{ $file }を読み込めませんでした

# $name: the environment variable (KYOSO_ADDR); $value: what it holds.
cli-config-not-an-address = { $name }：「{ $value }」は 127.0.0.1:8080 のようなアドレスではありません

# $name: the environment variable; $value: what it holds.
cli-config-not-a-whole-number = { $name }：「{ $value }」は整数ではありません

# $name: the environment variable; $value: what it holds. Keep true and false.
cli-config-not-true-or-false = { $name }：「{ $value }」は true でも false でもありません

# $source: where the value came from (cli-config-source-*, or kyoso.toml).
cli-config-max-connections-zero = max_connections（{ $source }で指定）は1以上にしてください

## Users and tokens

# As cli-opening-database.
cli-password-read-failed = 標準入力からパスワードを読み込めませんでした

cli-password-missing = パスワードを標準入力から渡してください

# $role: the role's keyword as given to --role (admin, officer, coordinator, member).
cli-user-added = { $email }（{ $role }）を追加しました

# $role: the role's keyword, as in cli-user-added.
cli-user-role-set = { $email }のロールを{ $role }に変更しました

cli-user-disabled = { $email }を無効にしました
cli-user-enabled = { $email }を有効にしました

# On standard error, just before the secret itself is printed on standard output.
cli-token-created = { $email }のトークン{ $id }です。表示はこの一度だけです。他人に知られないよう保管してください：

cli-token-revoked = 失効させました
cli-token-not-found = そのIDの有効なトークンはありません

## The server and the demonstration network

# As cli-opening-database. $address: such as 127.0.0.1:8080.
cli-serve-listen-failed = { $address }で接続を待ち受けできませんでした

# $address: such as 127.0.0.1:8080.
cli-serve-started = kyoso は http://{ $address } で稼働しています

cli-serve-stopped = kyoso を停止しました
cli-demo-filling = 空のデータベースにデモ用ネットワークを読み込んでいます…
cli-demo-network-counts = デモ用ネットワーク：組織{ $organizations }件、人物{ $people }人、つながり{ $ties }件

# Before the list of demo accounts, one per line: email, then cli-demo-account-of or the role alone.
cli-demo-accounts = デモ用アカウント（パスワード：{ $password }）：

# $role: the role's keyword (admin, officer, coordinator, member); $organization: its acronym, such as TPA.
cli-demo-account-of = { $organization }の{ $role }

# After `kyoso demo`. $database: the URL, password masked; $seconds: with one decimal.
cli-demo-summary = { $database }のデモ用ネットワーク（シード{ $seed }）：組織{ $organizations }件、人物{ $people }人、つながり{ $ties }件（{ $seconds }秒）

# One line per table after `kyoso demo`, after the table's name (cli-table-*), which the code pads.
cli-write-counts = 追加{ $added }件、更新{ $updated }件、変更なし{ $unchanged }件

## Tables

# A table's name: in cli-export-done, cli-progress-importing, cli-progress-exporting
# and beside cli-write-counts.
cli-table-people = 人物

cli-table-organizations = 組織
cli-table-ties = つながり
cli-table-events = イベント
cli-table-participations = 参加記録
cli-table-programs = プログラム
cli-table-lessons = 教訓
cli-table-needs = ニーズ
cli-table-offers = オファー

## Import, export and the database

# $seconds: with one decimal; $rate: rows per second, a whole number.
# English selects a plural form on $rows; add a selector where your language needs one.
cli-import-done = { $file }：{ $rows }行（追加{ $added }件、更新{ $updated }件、変更なし{ $unchanged }件）（{ $seconds }秒、毎秒{ $rate }行）

# After the faults of a refused file, each on its own line as FILE:LINE: FIELD: MESSAGE.
# English selects a plural form on $errors; add a selector where your language needs one.
cli-import-refused = { $file }：エラーが{ $errors }件あるため、何もインポートしていません

# $table: the table's name (cli-table-*); $count: how many records.
cli-export-done = { $file }：{ $table }を{ $count }件エクスポートしました

# $database: the URL, password masked.
cli-db-migrated = { $database }のスキーマは最新です

# $id: the person's id. Keep the command `kyoso db erasures` as it is.
cli-db-erased = { $id }を消去しました。`kyoso db erasures` の出力をバックアップと一緒に保管してください

# $erased: how many were erased now; $listed: how many the file lists.
cli-db-replayed = 一覧の{ $listed }件のうち{ $erased }件を再び消去しました。残りはすでに消去済みか、存在しません

cli-db-check-ok = 問題なし：組織{ $organizations }件、人物{ $people }人、つながり{ $ties }件、イベント{ $events }件を確認しました

# One line per problem; $problem: what is wrong (in English, from the store).
cli-db-check-problem = 問題：{ $problem }

# English selects a plural form on $count; add a selector where your language needs one.
cli-db-check-problems = 問題が{ $count }件見つかりました

## Assignment rounds

# As cli-import-refused.
# English selects a plural form on $errors; add a selector where your language needs one.
cli-assign-refused = { $file }：エラーが{ $errors }件あるため、何も割り当てていません

# $mode: optimal or stable, as given to --mode; $score: with six decimals; $seconds: with two.
cli-assign-summary = { $file }（{ $mode }方式）：参加者{ $participants }人のうち{ $placed }人を受入先{ $hosts }件（定員{ $places }）に配属。スコア合計{ $score }（{ $seconds }秒）

# A heading; below it one line per participant: id, then why (cli-assign-reason-*).
cli-assign-not-placed = 配属されなかった参加者：

# Why a participant was not placed. The pages say it as matching-no-candidates-reason.
cli-assign-reason-no-candidates = 候補の受入先がない

cli-assign-reason-hosts-full = 候補の受入先がすべて他の参加者で満員になった
cli-assign-reason-not-worth-it = スコアが0を超える組み合わせがない

# A heading; below it one line per group (cli-assign-fairness-row).
cli-assign-fairness = 公平性：

# Indented, its first columns padded by the code. $by: country or gender (keywords);
# $group: the country code or the gender; $share: a percentage with one decimal;
# $mean: with four decimals, or – when no one was placed.
cli-assign-fairness-row = { $by } { $group } { $participants }人中{ $placed }人を配属（{ $share }%）、平均スコア{ $mean }

## Matching

# $need: what was given as the need's id.
cli-match-not-a-need-id = 「{ $need }」はニーズのIDではありません

# The first line of `kyoso match`. $kind and $status: the need's kind and status
# (keywords today; matching-need-kind-* and matching-need-status-* name them);
# $shown, $pool: numbers; $seconds: with one decimal.
cli-match-summary = { $title }（{ $kind }、{ $status }）：候補{ $pool }件のうち上位{ $shown }件（{ $seconds }秒）

# After a candidate's title and ", ": how many introductions away from the need's poster.
# English selects a plural form on $steps; add a selector where your language needs one.
cli-match-steps-away = { $steps }ステップ先

# Indented under a candidate: the company that provides a technology.
cli-match-provider = 提供：{ $provider }

# Indented under a candidate: an alumnus in the country who can champion it.
cli-match-champion = 現地の推進役：{ $name }

# Indented under a candidate; $path: names joined with " → ".
cli-match-warm-path = 紹介の経路：{ $path }

# After `kyoso needs sweep`.
# English selects a plural form on $count; add a selector where your language needs one.
cli-needs-expired = { $count }件のニーズが期限切れになりました

# $title: the need's title; $id: its id; $date: its deadline, YYYY-MM-DD.
cli-needs-reminder = お知らせ：「{ $title }」（{ $id }）は{ $date }に期限を迎えます

## The network

cli-path-none = 両者をつなぐつながりの連鎖はありません
cli-hubs-header = ハブ：会員・同窓生・実習生・参加者が{ $hub_ties }を超える組織とイベント、および管理者が指定したもの。経路がハブである組織を通るのは、両者の関係が1年以内に始まった場合だけで、ハブであるイベントは通りません。
cli-hubs-none = ハブはありません
cli-hubs-flagged = 管理者が指定
cli-hub-flagged = { $organization }をハブに指定しました。
cli-hub-unflagged = { $organization }のハブ指定を解除しました。

# After a path's number ("1. "). $introductions: how many people pass it on (0 for a direct tie);
# $cost: with three decimals.
# English selects a plural form on $introductions; add a selector where your language needs one.
cli-path-summary = 紹介{ $introductions }回、コスト{ $cost }

# $method: cli-brokers-exact or cli-brokers-sampled; $seconds: with one decimal.
cli-brokers-summary = 記録{ $records }件、つながり{ $ties }件。{ $method }（{ $seconds }秒）

cli-brokers-exact = 正確な媒介中心性

# $sources: how many sources were sampled; $error: the error bound, five decimals;
# $confidence: a percentage, such as 95.
cli-brokers-sampled = { $sources }個の出発点の標本から推定した媒介中心性：信頼度{ $confidence }%で各値の誤差は±{ $error }以内。値の横の±は、その値のおおよその95%範囲です

# $from, $to: group selectors as given, such as country:TH,type:private.
cli-brokers-between = { $from }から{ $to }への最短経路上

# A column of a broker's line: how many ties the broker has. The code pads the column.
cli-brokers-ties = つながり{ $ties }件

# $modularity: with four decimals; $levels: how many levels the method went through;
# $seconds: with one decimal.
cli-communities-summary = 記録{ $records }件・つながり{ $ties }件のなかにコミュニティが{ $count }個：モジュラリティ{ $modularity }、{ $levels }階層（{ $seconds }秒）

# As cli-communities-summary, when the time budget ran out.
cli-communities-summary-partial = 記録{ $records }件・つながり{ $ties }件のなかにコミュニティが{ $count }個：モジュラリティ{ $modularity }、{ $levels }階層。制限時間に達したため、ここまでで最良の分け方です（{ $seconds }秒）

# After a community's number ("1. "). $countries: codes and counts, such as TH 12 VN 8;
# $leading: the names of its most connected members.
cli-communities-row = メンバー{ $members }人、内部のつながり{ $ties }件  { $countries }  （{ $leading }）

# A heading; the core's members follow, one per line. $k: each member's least number of ties inside.
cli-core-group = 中核グループ：{ $k }-コア、メンバー{ $size }人

# As cli-opening-database.
cli-growth-failed = ネットワークの成長を集計できませんでした

# Column headings of `kyoso network growth`; keep them short: the code pads them.
cli-growth-period = 期間

cli-growth-new-members = +メンバー
cli-growth-new-ties = +つながり
cli-growth-members = メンバー
cli-growth-ties = つながり
cli-growth-countries = 国数

# The size of the largest connected group.
cli-growth-largest = 最大グループ

# Column headings of `kyoso network growth --by country`.
cli-growth-country = 国

# The first period in which the country had a member.
cli-growth-since = 開始

# The last column's heading: new members in each of the latest ten periods.
cli-growth-recent = 期間ごとの新しいメンバー（直近10期間）

## Progress

# In the progress bar: the time left. The code passes indicatif's own placeholder
# "{eta}" as $eta and puts the result into the bar's template.
cli-progress-eta = 残り{ $eta }

# Stages beside the progress bar (right-aligned in 18 columns).
cli-progress-ranking = ネットワークを読み込み、候補を索引付けしています

cli-progress-reading-network = ネットワークを読み込んでいます
cli-progress-brokers = 橋渡し役を探しています
cli-progress-communities = コミュニティを探しています
cli-progress-growth = 成長を集計しています

# Stages that kyoso-service starts today with English text (exchange.rs, enrolments.rs);
# $table: the table's name (cli-table-*). The demo's stages are the table names alone.
cli-progress-importing = { $table }をインポートしています

cli-progress-exporting = { $table }をエクスポートしています

## Search

# After a search: how many records match. $count: a number.
cli-search-found = { $count }件見つかりました

# A hit's line: its kind, its title; the id follows.
cli-search-translated = （翻訳）

# After kyoso search reindex. $count: records indexed.
cli-search-reindexed = { $count }件を索引に登録しました

# kyoso eval search: one line of figures.
cli-eval-scores = { $group }：クエリ{ $queries }件、nDCG@10 { $ndcg }、再現率@10 { $recall }

# The group name of all queries together.
cli-eval-overall = 全体
cli-eval-match-scores = { $group }：ニーズ{ $needs }件、P@10 { $precision }、nDCG@10 { $ndcg }、上位10件中の必須条件違反 { $breakers }件

# kyoso search vocabulary --coverage: one line per language.
cli-vocabulary-language = { $language }：概念{ $concepts }件、名称{ $names }件

# The first line of the coverage.
cli-vocabulary-total = 概念{ $concepts }件、略語{ $abbreviations }件、語義で区別する同形異義語{ $homonyms }件

# A hit's kind, before its title in kyoso search.
cli-search-kind-person = 人
cli-search-kind-organization = 組織
cli-search-kind-need = ニーズ
cli-search-kind-technology = 技術
cli-search-kind-company = 企業
cli-search-kind-program = プログラム
cli-search-kind-lesson = 教訓
cli-search-kind-question = 質問
cli-eval-bm25 = ベースライン：候補者自身の語によるBM25（語彙なし・制約なし）
cli-eval-bm25-filtered = ベースライン：完全なハード制約フィルタ付きBM25（評価セットの違反候補を除外）
