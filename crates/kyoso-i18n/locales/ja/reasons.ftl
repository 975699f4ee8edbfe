### A ranking's reasons in words, shared by the pages, the API and `kyoso match --explain`.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Lists

# Between the skills of a list. Spaces at its ends go inside a string literal, as in {", "}: Fluent trims them otherwise.
reasons-list-separator = 、

# Between the languages of a reason. Spaces at its ends go inside a string literal, as in {"; "}: Fluent trims them otherwise.
reasons-languages-separator = 、
# Between languages of which any one will do ("Thai B2 or English C1").
reasons-language-or = 、または

## Language names

reasons-language-name-ja = 日本語
reasons-language-name-en = 英語
reasons-language-name-th = タイ語
reasons-language-name-vi = ベトナム語
reasons-language-name-id = インドネシア語
reasons-language-name-zh = 中国語
reasons-language-name-es = スペイン語
reasons-language-name-fr = フランス語

# The level "native" of a language; other levels (B2, N2) are shown as written.
reasons-level-native = 母語

## Skills

reasons-skills-none-asked = スキルの指定なし

# $asked: how many skills the need asks for (a number, 1 or more)
# English selects a plural form on $asked; add a selector where your language needs one.
reasons-skills-none-held = 求められた{ $asked }つのスキルはどれも持っていない

# $held: how many of them the candidate has (a number, 1 or more)
# $asked: how many skills the need asks for (a number, 1 or more)
# $list: the skills held, joined with reasons-list-separator
# English selects a plural form on $asked; add a selector where your language needs one.
reasons-skills-held = 求められた{ $asked }つのスキルのうち{ $held }つを持つ：{ $list }

# A skill asked for, met in the candidate's own words (a synonym or a translation).
# $skill: the skill asked for; $by: the candidate's own words
reasons-skill-through = { $skill }（本人の表記「{ $by }」）

# $list: the topics, joined with reasons-list-separator
reasons-topics = ニーズの内容にも通じている：{ $list }

## Sectors

reasons-sectors-exact = ニーズが挙げる分野で活動している
reasons-sectors-related = 関連する分野（同じ区分）で活動している
reasons-sectors-none = 共通の分野はない

## Languages

reasons-languages-none-asked = 言語の指定なし

# One language of the need; several are joined with reasons-languages-separator.
# $language: the language's name (reasons-language-name-*)
# $held: the candidate's level, such as B2 or N2 (or reasons-level-native)
# $asked: the level asked for, written the same way
reasons-language-held = { $language } { $held }（求められた水準：{ $asked }）

# One language of the need that the candidate has no record of.
# $language: the language's name (reasons-language-name-*)
# $asked: the level asked for, such as B2 or N2 (or reasons-level-native)
reasons-language-missing = { $language }の記録なし（求められた水準：{ $asked }）

## Country

reasons-country-none-named = 国の指定なし

# $country: the country's name, in the reader's language
reasons-country-known = { $country }で暮らした、または働いた経験がある

# $country: the country's name, in the reader's language
reasons-country-unknown = { $country }での経験の記録はない

## Availability

reasons-availability-dispatch = 派遣に応じられる
reasons-availability-training = 講師・指導員として指導できる
reasons-availability-mentoring = メンタリングに応じられる
reasons-availability-open = 受付中：掲載され、依頼を受け付けている
reasons-availability-not-marked = 対応可能とされていない

## Track record

reasons-track-record-none = 過去のマッチングはまだない（平均として数える）

# $successes: how many past matches ended in success (a number)
# $matches: how many past matches the candidate had (a number, 1 or more)
# $concluded: how many of them are concluded (a number)
# English selects a plural form on $matches; add a selector where your language needs one.
reasons-track-record = 過去{ $matches }件のマッチングのうち{ $successes }件が成果（完了{ $concluded }件）

## Network

reasons-network-out-of-reach = 投稿者から三段階の紹介では届かない
reasons-network-direct = 投稿者と直接つながっている

# $steps: how many steps (a number, 2 or more: 1 is reasons-network-direct)
reasons-network-steps = 投稿者から{ $steps }ステップ：知人を通じて紹介してもらえる

## Hard constraints, as a candidate holds them

reasons-holds-required-skill = 必須スキル「{ $skill }」を持つ（本人の表記「{ $by }」）
reasons-holds-language = { $held }を話す（必須：{ $asked }）
reasons-holds-country = 必須どおり{ $country }で暮らした、または働いた経験がある
reasons-holds-located-in = { $country }を拠点とする
reasons-holds-available-from = { $from }から対応可能（必要な時期：{ $by }まで）
reasons-holds-available-now = すぐに対応可能（必要な時期：{ $by }まで）
reasons-holds-readiness = 技術成熟度 TRL { $held }（必須：TRL { $least }以上）
reasons-holds-deployed = { $countries }で導入済み（必須：{ $asked }）
reasons-holds-abroad = 日本国外

reasons-holds-deal = 取引の相手方：「{ $held }」を求めている（ニーズが求めるもの：「{ $asked }」）
reasons-holds-deal-from = { $country }の取引の相手方：「{ $held }」を求めている（ニーズが求めるもの：「{ $asked }」）
reasons-holds-investment-size = 投資額 { $from }～{ $up_to }（求める額：{ $asked }）
reasons-any-amount = 制限なし
reasons-holds-invests-in-sectors = { $sectors }に投資する
reasons-holds-invests-in-country = { $country }に投資する
reasons-usd = { $amount }米ドル
reasons-thousands-separator = ,

reasons-holds-eligible = { $country }からの参加者を受け入れる
reasons-holds-taught-in = { $language }で実施（参加者に必要な水準：{ $level }）
reasons-holds-mode = 求めどおり{ $mode }で実施
reasons-holds-seats-left = 残り{ $seats }席
reasons-holds-apply-by = 申込締切 { $day }
