### A ranking's reasons in words, shared by the pages, the API and `kyoso match --explain`.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Lists

# Between the skills of a list. Spaces at its ends go inside a string literal, as in {", "}: Fluent trims them otherwise.
reasons-list-separator = {", "}

# Between the languages of a reason. Spaces at its ends go inside a string literal, as in {"; "}: Fluent trims them otherwise.
reasons-languages-separator = {"; "}
# Between languages of which any one will do ("Thai B2 or English C1").
reasons-language-or = {" หรือ "}

## Language names

reasons-language-name-ja = ภาษาญี่ปุ่น
reasons-language-name-en = ภาษาอังกฤษ
reasons-language-name-th = ภาษาไทย
reasons-language-name-vi = ภาษาเวียดนาม
reasons-language-name-id = ภาษาอินโดนีเซีย
reasons-language-name-zh = ภาษาจีน
reasons-language-name-es = ภาษาสเปน
reasons-language-name-fr = ภาษาฝรั่งเศส

# The level "native" of a language; other levels (B2, N2) are shown as written.
reasons-level-native = เจ้าของภาษา

## Skills

reasons-skills-none-asked = ไม่ได้ระบุทักษะ

# $asked: how many skills the need asks for (a number, 1 or more)
# English selects a plural form on $asked; add a selector where your language needs one.
reasons-skills-none-held = ไม่มีทักษะที่ต้องการเลยจาก { $asked } อย่าง

# $held: how many of them the candidate has (a number, 1 or more)
# $asked: how many skills the need asks for (a number, 1 or more)
# $list: the skills held, joined with reasons-list-separator
# English selects a plural form on $asked; add a selector where your language needs one.
reasons-skills-held = มีทักษะ { $held } จาก { $asked } อย่างที่ต้องการ: { $list }

# A skill asked for, met in the candidate's own words (a synonym or a translation).
# $skill: the skill asked for; $by: the candidate's own words
reasons-skill-through = { $skill } (ในชื่อ “{ $by }”)

# $list: the topics, joined with reasons-list-separator
reasons-topics = รู้เรื่องที่ความต้องการกล่าวถึงด้วย: { $list }

## Sectors

reasons-sectors-exact = ทำงานในสาขาที่ความต้องการระบุ
reasons-sectors-related = ทำงานในสาขาที่เกี่ยวข้อง (หมวดเดียวกัน)
reasons-sectors-none = ไม่มีสาขาที่ตรงกัน

## Languages

reasons-languages-none-asked = ไม่ได้ระบุภาษา

# One language of the need; several are joined with reasons-languages-separator.
# $language: the language's name (reasons-language-name-*)
# $held: the candidate's level, such as B2 or N2 (or reasons-level-native)
# $asked: the level asked for, written the same way
reasons-language-held = { $language } { $held } (ที่ต้องการ: { $asked })

# One language of the need that the candidate has no record of.
# $language: the language's name (reasons-language-name-*)
# $asked: the level asked for, such as B2 or N2 (or reasons-level-native)
reasons-language-missing = ไม่มีข้อมูล{ $language } (ที่ต้องการ: { $asked })

## Country

reasons-country-none-named = ไม่ได้ระบุประเทศ

# $country: the country's name, in the reader's language
reasons-country-known = เคยอาศัยหรือทำงานใน{ $country }

# $country: the country's name, in the reader's language
reasons-country-unknown = ไม่มีบันทึกว่าเคยอยู่ใน{ $country }

## Availability

reasons-availability-dispatch = พร้อมรับการส่งไปปฏิบัติงาน
reasons-availability-training = เป็นวิทยากรหรือผู้ฝึกสอนได้
reasons-availability-mentoring = พร้อมเป็นพี่เลี้ยง
reasons-availability-open = เปิดรับ: มีในรายการและรับคำขอ
reasons-availability-not-marked = ไม่ได้ระบุว่าพร้อม

## Track record

reasons-track-record-none = ยังไม่มีประวัติการจับคู่ (นับเป็นค่าเฉลี่ย)

# $successes: how many past matches ended in success (a number)
# $matches: how many past matches the candidate had (a number, 1 or more)
# $concluded: how many of them are concluded (a number)
# English selects a plural form on $matches; add a selector where your language needs one.
reasons-track-record = สำเร็จ { $successes } จากการจับคู่ { $matches } ครั้งที่ผ่านมา (สิ้นสุดแล้ว { $concluded })

## Network

reasons-network-out-of-reach = ไม่อยู่ในระยะการแนะนำสามขั้นจากผู้โพสต์
reasons-network-direct = มีความสัมพันธ์โดยตรงกับผู้โพสต์

# $steps: how many steps (a number, 2 or more: 1 is reasons-network-direct)
reasons-network-steps = ห่างจากผู้โพสต์ { $steps } ขั้น: แนะนำผ่านคนรู้จักได้

## Hard constraints, as a candidate holds them

reasons-holds-required-skill = มีทักษะที่จำเป็น “{ $skill }” (ในชื่อ “{ $by }”)
reasons-holds-language = พูด { $held } ได้ (ที่จำเป็น: { $asked })
reasons-holds-country = เคยอาศัยหรือทำงานใน{ $country } ตามที่จำเป็น
reasons-holds-located-in = อยู่ที่{ $country }
reasons-holds-available-from = พร้อมตั้งแต่ { $from } (ต้องการภายใน { $by })
reasons-holds-available-now = พร้อมทันที (ต้องการภายใน { $by })
reasons-holds-readiness = ความพร้อมของเทคโนโลยีระดับ TRL { $held } (จำเป็นอย่างน้อย TRL { $least })
reasons-holds-deployed = ใช้งานแล้วใน { $countries } (ที่จำเป็น: { $asked })
reasons-holds-abroad = นอกประเทศญี่ปุ่น

reasons-holds-deal = อีกฝั่งของข้อตกลง: ต้องการ “{ $held }” ขณะที่ความต้องการมองหา “{ $asked }”
reasons-holds-deal-from = อีกฝั่งของข้อตกลง จาก{ $country }: ต้องการ “{ $held }” ขณะที่ความต้องการมองหา “{ $asked }”
reasons-holds-investment-size = ลงทุน { $from } ถึง { $up_to } (ต้องการ { $asked })
reasons-any-amount = ไม่จำกัด
reasons-holds-invests-in-sectors = ลงทุนใน{ $sectors }
reasons-holds-invests-in-country = ลงทุนใน{ $country }
reasons-usd = { $amount } ดอลลาร์สหรัฐ
reasons-thousands-separator = ,

reasons-holds-eligible = รับผู้เข้าร่วมจาก{ $country }
reasons-holds-taught-in = สอนเป็น{ $language } (ผู้เข้าร่วมต้องมีระดับ { $level })
reasons-holds-mode = { $mode } ตามที่ต้องการ
reasons-holds-seats-left = เหลือ { $seats } ที่นั่ง
reasons-holds-apply-by = รับสมัครถึง { $day }
