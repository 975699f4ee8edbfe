### The program pages' texts: programs, participants' journeys, the work list, technical intern training, grievances, follow-ups and outcomes.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Programs and participants

programs-programs = プログラム
programs-program-type = 種別
programs-organizer = 主催
programs-partners = パートナー
programs-funders = 資金
programs-budget = 予算
programs-stage = 発展段階
programs-sdgs = SDGs
programs-countries = 対象国
programs-period = 期間
programs-cohorts = 実施期（コホート）
programs-capacity = 定員
programs-by-state = 段階別の参加者
programs-no-participants = 参加者はまだいません。
programs-no-programs = 表示できるプログラムはありません。
programs-board = ボード
programs-journey = 参加の経過
programs-move-to = 次の段階
programs-move-button = 進める
programs-on-date = 日付
programs-retract = 直前の記録を取り消す
programs-reason = 理由
programs-retracted = 取消済み
programs-retraction-of = 取り消した記録
programs-recorded-by = 記録者

## The work list

programs-work-list = 業務リスト
programs-applications = 審査待ちの応募
programs-overdue = 期限を過ぎたフォローアップ

# $months: the follow-up period, in months (a number from 1 to 60)
programs-overdue-hint = 帰国または最後のフォローアップから{ $months }か月以上たった参加者です。

programs-follow-up-months = 期限（か月）
programs-show = 表示
programs-nothing-waiting = 対応待ちはありません。
programs-since = から

## Technology demonstrations

programs-provider = 技術提供企業
programs-technology = 技術
programs-local-partner = 現地パートナー
programs-milestones = マイルストーン
programs-results = 成果

## Technical intern training

programs-placements = 技能実習の実習先
programs-phase = 段階
programs-supervising = 監理団体
programs-implementing = 実習実施者
programs-job-category = 職種・作業
programs-visits = 監査・訪問指導
programs-findings = 確認事項
programs-actions = 改善措置
programs-grievances = 相談・苦情
programs-raise-grievance = 相談・苦情を申し出る
programs-grievance-private = 相談・苦情を見られるのは、実習生本人、監理団体の担当者、管理者だけです。
programs-category = 分類
programs-description = 内容
programs-status = 状況

## Follow-ups and outcomes

programs-follow-ups = 帰国後フォローアップ
programs-channel = 方法
programs-outcomes = 帰国後の成果
programs-outcome = 成果
programs-organization = 組織
programs-japanese-affiliated = 日系企業
programs-jobs-created = 創出した雇用
programs-people-supported = 支えている人数
programs-record = 記録する
programs-open-grievances = 未解決の相談・苦情

## Grievance categories

programs-grievance-category-wages = 賃金
programs-grievance-category-working-hours = 労働時間
programs-grievance-category-safety = 安全
programs-grievance-category-housing = 住居
programs-grievance-category-harassment = ハラスメント
programs-grievance-category-contract = 契約
programs-grievance-category-health = 健康
programs-grievance-category-other = その他

## Grievance statuses

programs-grievance-status-open = 受付
programs-grievance-status-in-progress = 対応中
programs-grievance-status-resolved = 解決
programs-grievance-status-closed = 終了

## Follow-up channels

programs-follow-up-channel-visit = 訪問
programs-follow-up-channel-phone = 電話
programs-follow-up-channel-email = メール
programs-follow-up-channel-online = オンライン
programs-follow-up-channel-survey = アンケート
programs-follow-up-channel-event = 行事

## Follow-up statuses

programs-follow-up-status-reached = 連絡できた
programs-follow-up-status-unreachable = 連絡がつかない
programs-follow-up-status-declined = 辞退

## Outcomes after return

programs-outcome-kind-employed = 就職
programs-outcome-kind-promoted = 昇進
programs-outcome-kind-founded = 起業
programs-outcome-kind-became-trainer = 研修講師になった
programs-outcome-kind-contributed-knowledge = 知識を共有した

## Journey states

programs-journey-state-applied = 応募
programs-journey-state-selected = 選考通過
programs-journey-state-pre-departure = 渡航前研修
programs-journey-state-active = 研修中
programs-journey-state-completed = 修了
programs-journey-state-returned = 帰国
programs-journey-state-follow-up = フォローアップ
programs-journey-state-withdrawn = 辞退
programs-journey-state-rejected = 不採用

## Participant roles

programs-participant-role-trainee = 研修生
programs-participant-role-intern = インターン
programs-participant-role-technical-intern = 技能実習生
programs-participant-role-expert = 専門家
programs-participant-role-mentor = メンター
programs-participant-role-lecturer = 講師

## Program types

programs-program-type-training-in-japan = 訪日研修
programs-program-type-overseas-training = 海外研修
programs-program-type-expert-dispatch = 専門家派遣
programs-program-type-internship = インターンシップ
programs-program-type-technical-intern-training = 技能実習（TITP）
programs-program-type-demonstration-project = 技術実証事業
programs-program-type-pre-departure-training = 渡航前研修
programs-program-type-seminar-series = セミナーシリーズ

## Development stages

programs-development-stage-technology-transfer = 技術移転
programs-development-stage-promotion = 普及促進
programs-development-stage-diffusion = 普及・拡大
programs-development-stage-education = 教育

## Funding sources

programs-funding-source-oda = ODA
programs-funding-source-private = 民間
programs-funding-source-fund = kyoso基金
