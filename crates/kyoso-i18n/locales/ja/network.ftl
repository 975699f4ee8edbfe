### The network pages' texts: warm introductions, brokers, communities, the core group and growth.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Warm introductions

network-network = ネットワーク
network-reach-title = この人にどうつながるか

# $from: the name of the person or organization the paths start from
network-reach-intro = { $from }からの紹介経路：互いに知り合いの人のつながり。強く新しい関係を優先します。

network-reach-from = 出発点
network-reach-from-hint = 人または組織のID
network-no-path = 閲覧できる記録をたどるつながりはありません。
network-path-number = 経路
network-introductions = 回の紹介
network-direct = 直接のつながり
network-cost = コスト

## Two people tied the same way to one organization

# $organization: the organization's name
network-studied-together = { $organization }で共に学んだ

# $organization: the organization's name
network-trained-together = { $organization }で共に研修を受けた

# $organization: the organization's name
network-worked-together = { $organization }で共に働いた

# $organization: the organization's name
network-members-together = 共に{ $organization }の会員

# $organization: the organization's name
network-founded-together = 共に{ $organization }を設立

# $organization: the organization's name
network-interns-together = 共に{ $organization }の実習生

# The same, when they began in different years.
# $organization: the organization's name
network-studied-both = 共に{ $organization }で学んだ

# $organization: the organization's name
network-trained-both = 共に{ $organization }で研修を受けた
network-hub-narrowed = 大規模なハブのため、両者の関係が1年以内に始まったことでこの経路が成り立ちます
network-hub-passed = { $name }（ハブ：1年以内に始まった関係）
network-hub-mark = ハブ
network-hub-note = 会員や同窓生が非常に多いハブを経由する経路は、両者の関係が1年以内に始まった場合だけ表示します。

# $organization: the organization's name
network-worked-both = 共に{ $organization }で働いた

# $organization: the organization's name
network-founded-both = 共に{ $organization }の創設者

## What a tie says, read from its first end (forward) and from its second (backward), by kind

network-verb-studied-at-forward = で学んだ
network-verb-studied-at-backward = の卒業生
network-verb-trained-at-forward = で研修を受けた
network-verb-trained-at-backward = の研修生
network-verb-employed-by-forward = に勤務
network-verb-employed-by-backward = の雇用者
network-verb-member-of-forward = の会員
network-verb-member-of-backward = の所属団体
network-verb-founded-forward = を設立
network-verb-founded-backward = の設立者
network-verb-mentored-forward = を指導した
network-verb-mentored-backward = の指導を受けた
network-verb-hosted-intern-forward = に実習生を受け入れた
network-verb-hosted-intern-backward = の実習先
network-verb-partnered-with-forward = と提携
network-verb-partnered-with-backward = と提携
network-verb-supervises-forward = を監理
network-verb-supervises-backward = の監理を受ける
network-verb-met-at-forward = と出会った
network-verb-met-at-backward = と出会った

## Brokers

network-brokers = 橋渡し役
network-brokers-intro = ネットワークの離れた部分をつなぐ人：他者間の最短経路がその人を通る割合（媒介中心性）。
network-exact = すべての記録について正確に計算した媒介中心性です。

# $sources: how many sources were sampled (a number)
# $error: the error bound, a decimal such as 0.0123
network-sampled = { $sources }個の出発点の標本から推定：95%の信頼度で各値の誤差は±{ $error }以内です。各値の横の±は、その値のおおよその95%範囲です。

network-rank = 順位
network-score = 媒介中心性
network-ties = つながり
network-bridges-countries = つながる国
network-bridges-types = つながる組織の種類
network-from-group = グループ
network-to-group = とグループ
network-group-hint = 例：country:TH,type:private — 種類：government, ngo, partnership, multilateral, foundation, private, academic, other；sector:321

## Communities and the core group

network-communities = コミュニティ
network-communities-intro = 他よりも互いに強く結びついた記録のまとまり（ルーヴァン法）。
network-modularity = モジュラリティ
network-community = コミュニティ
network-members = メンバー
network-ties-inside = 内部のつながり
network-countries = 国
network-most-connected = つながりの多い人
network-partial = 時間内に探索が終わらなかったため、これまでに見つかった最良の分け方です。
network-map-aggregated = 円はコミュニティ（大きさはメンバー数）、線はコミュニティ間のつながりです。
network-map-members = 点は人（丸）と組織（四角）で、色はコミュニティを表します。
network-core-group = 中核グループ

# $k: the k of the k-core: each member's least number of ties inside it (a number, 0 or more)
# $size: how many members the core has (a number)
network-core-intro = { $k }-コア：{ $size }人のメンバーが、それぞれ他のメンバーと{ $k }本以上のつながりを持つ、献身的な中核です。

## Growth

network-growth = 成長
network-growth-intro = 記録は最初のつながりでネットワークに加わります。
network-per-year = 年別
network-per-month = 月別
network-new-members = 新しいメンバー
network-new-ties = 新しいつながり
network-total-members = メンバー
network-total-ties = つながり
network-largest-group = 最大の連結グループ
network-countries-reached = 到達した国
network-first-period = 開始
network-as-of = 基準日
network-show = 表示
network-verb-attended-forward = に参加した
network-verb-attended-backward = の参加者
network-attended-together = 共に{ $organization }に参加した
