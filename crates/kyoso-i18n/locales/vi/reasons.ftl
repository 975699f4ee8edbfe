### A ranking's reasons in words, shared by the pages, the API and `kyoso match --explain`.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Lists

# Between the skills of a list. Spaces at its ends go inside a string literal, as in {", "}: Fluent trims them otherwise.
reasons-list-separator = {", "}

# Between the languages of a reason. Spaces at its ends go inside a string literal, as in {"; "}: Fluent trims them otherwise.
reasons-languages-separator = {"; "}
# Between languages of which any one will do ("Thai B2 or English C1").
reasons-language-or = {" hoặc "}

## Language names

reasons-language-name-ja = tiếng Nhật
reasons-language-name-en = tiếng Anh
reasons-language-name-th = tiếng Thái
reasons-language-name-vi = tiếng Việt
reasons-language-name-id = tiếng Indonesia
reasons-language-name-zh = tiếng Trung
reasons-language-name-es = tiếng Tây Ban Nha
reasons-language-name-fr = tiếng Pháp

# The level "native" of a language; other levels (B2, N2) are shown as written.
reasons-level-native = bản ngữ

## Skills

reasons-skills-none-asked = Không yêu cầu kỹ năng

# $asked: how many skills the need asks for (a number, 1 or more)
# English selects a plural form on $asked; add a selector where your language needs one.
reasons-skills-none-held = Không có kỹ năng nào trong { $asked } kỹ năng được yêu cầu

# $held: how many of them the candidate has (a number, 1 or more)
# $asked: how many skills the need asks for (a number, 1 or more)
# $list: the skills held, joined with reasons-list-separator
# English selects a plural form on $asked; add a selector where your language needs one.
reasons-skills-held = Có { $held } trong { $asked } kỹ năng được yêu cầu: { $list }

# A skill asked for, met in the candidate's own words (a synonym or a translation).
# $skill: the skill asked for; $by: the candidate's own words
reasons-skill-through = { $skill } (ghi là “{ $by }”)

# $list: the topics, joined with reasons-list-separator
reasons-topics = Cũng am hiểu điều nhu cầu nói tới: { $list }

## Sectors

reasons-sectors-exact = Hoạt động trong lĩnh vực mà nhu cầu nêu
reasons-sectors-related = Hoạt động trong lĩnh vực liên quan (cùng nhóm)
reasons-sectors-none = Không có lĩnh vực chung

## Languages

reasons-languages-none-asked = Không yêu cầu ngôn ngữ

# One language of the need; several are joined with reasons-languages-separator.
# $language: the language's name (reasons-language-name-*)
# $held: the candidate's level, such as B2 or N2 (or reasons-level-native)
# $asked: the level asked for, written the same way
reasons-language-held = { $language } { $held } (yêu cầu: { $asked })

# One language of the need that the candidate has no record of.
# $language: the language's name (reasons-language-name-*)
# $asked: the level asked for, such as B2 or N2 (or reasons-level-native)
reasons-language-missing = không có { $language } (yêu cầu: { $asked })

## Country

reasons-country-none-named = Không nêu quốc gia

# $country: the country's name, in the reader's language
reasons-country-known = Đã sống hoặc làm việc tại { $country }

# $country: the country's name, in the reader's language
reasons-country-unknown = Chưa có ghi nhận thời gian ở { $country }

## Availability

reasons-availability-dispatch = Sẵn sàng được cử đi
reasons-availability-training = Có thể đào tạo: giảng viên hoặc huấn luyện viên
reasons-availability-mentoring = Sẵn sàng hướng dẫn
reasons-availability-open = Đang mở: được đăng và nhận yêu cầu
reasons-availability-not-marked = Chưa đánh dấu là sẵn sàng

## Track record

reasons-track-record-none = Chưa có lần kết nối nào (tính ở mức trung bình)

# $successes: how many past matches ended in success (a number)
# $matches: how many past matches the candidate had (a number, 1 or more)
# $concluded: how many of them are concluded (a number)
# English selects a plural form on $matches; add a selector where your language needs one.
reasons-track-record = { $successes } thành công trong { $matches } lần kết nối trước ({ $concluded } đã kết thúc)

## Network

reasons-network-out-of-reach = Không nằm trong phạm vi ba bước giới thiệu từ người đăng
reasons-network-direct = Có quan hệ trực tiếp với người đăng

# $steps: how many steps (a number, 2 or more: 1 is reasons-network-direct)
reasons-network-steps = Cách người đăng { $steps } bước: có thể được giới thiệu qua người quen

## Hard constraints, as a candidate holds them

reasons-holds-required-skill = Có kỹ năng bắt buộc “{ $skill }” (ghi là “{ $by }”)
reasons-holds-language = Nói được { $held } (bắt buộc: { $asked })
reasons-holds-country = Đã sống hoặc làm việc tại { $country }, như yêu cầu
reasons-holds-located-in = Có trụ sở tại { $country }
reasons-holds-available-from = Sẵn sàng từ { $from } (cần trước { $by })
reasons-holds-available-now = Sẵn sàng ngay (cần trước { $by })
reasons-holds-readiness = Mức sẵn sàng công nghệ TRL { $held } (yêu cầu ít nhất TRL { $least })
reasons-holds-deployed = Đã được sử dụng tại { $countries } (yêu cầu: { $asked })
reasons-holds-abroad = ngoài Nhật Bản

reasons-holds-deal = Phía bên kia của giao dịch: tìm “{ $held }” trong khi nhu cầu tìm “{ $asked }”
reasons-holds-deal-from = Phía bên kia của giao dịch, từ { $country }: tìm “{ $held }” trong khi nhu cầu tìm “{ $asked }”
reasons-holds-investment-size = Đầu tư từ { $from } đến { $up_to } (cần { $asked })
reasons-any-amount = không giới hạn
reasons-holds-invests-in-sectors = Đầu tư vào { $sectors }
reasons-holds-invests-in-country = Đầu tư tại { $country }
reasons-usd = { $amount } đô la Mỹ
reasons-thousands-separator = .

reasons-holds-eligible = Nhận học viên từ { $country }
reasons-holds-taught-in = Giảng dạy bằng { $language } (học viên cần trình độ { $level })
reasons-holds-mode = { $mode }, đúng như yêu cầu
reasons-holds-seats-left = Còn { $seats } chỗ
reasons-holds-apply-by = Nhận hồ sơ đến { $day }
