### The command line's messages to people: results, progress, errors and the settings it prints.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Errors

# Before the error that stopped a command. $error: what went wrong.
cli-error = ข้อผิดพลาด: { $error }

# The program could not start its runtime. $error: why.
cli-error-cannot-start = ข้อผิดพลาด: ไม่สามารถเริ่มทำงานได้: { $error }

# Under cli-error, once per cause, indented by two spaces by the code.
cli-error-caused-by = สาเหตุ: { $cause }

# What was being done when an error stopped the command: it follows "error: " and
# the cause follows it. Translations may say it failed. $database: the URL, password masked.
cli-opening-database = ไม่สามารถเปิด { $database } ได้

# As cli-opening-database. $file: a path.
cli-reading-file = ไม่สามารถอ่าน { $file } ได้

# As cli-opening-database. $file: a path.
cli-creating-file = ไม่สามารถสร้าง { $file } ได้

# As cli-opening-database. $file: a path.
cli-renaming-file = ไม่สามารถเปลี่ยนชื่อเป็น { $file } ได้

# After the first faults of a refused file: how many more there are. $count: a number.
cli-and-more = ... และอีก { $count } รายการ

## Settings (kyoso config)

# A comment line of `kyoso config`: keep the leading "# " so the output stays a valid kyoso.toml.
cli-config-read-from = # อ่านจาก { $file }

# A comment line of `kyoso config`: keep the leading "# ", `log` and --verbose.
cli-config-log-not-set = # log: ไม่ได้ตั้งค่า (แสดงเฉพาะคำเตือนและข้อผิดพลาด ใช้ --verbose เพื่อดูเพิ่มเติม)

# Where a setting came from, after "# " at the end of its line in `kyoso config`
# (a setting from the file shows kyoso.toml, not translated).
cli-config-source-default = ค่าเริ่มต้น

cli-config-source-environment = ตัวแปรสภาพแวดล้อม
cli-config-source-flag = ตัวเลือกในบรรทัดคำสั่ง

# As cli-opening-database. $file: the settings file's path.
cli-config-reading-file = ไม่สามารถอ่านไฟล์การตั้งค่า { $file } ได้

# $name: the environment variable (KYOSO_ADDR); $value: what it holds.
cli-config-not-an-address = { $name }: "{ $value }" ไม่ใช่ที่อยู่ในรูปแบบเช่น 127.0.0.1:8080

# $name: the environment variable; $value: what it holds.
cli-config-not-a-whole-number = { $name }: "{ $value }" ไม่ใช่จำนวนเต็ม

# $name: the environment variable; $value: what it holds. Keep true and false.
cli-config-not-true-or-false = { $name }: "{ $value }" ไม่ใช่ true หรือ false

# $source: where the value came from (cli-config-source-*, or kyoso.toml).
cli-config-max-connections-zero = max_connections (จาก { $source }) ต้องมีค่าอย่างน้อย 1

## Users and tokens

# As cli-opening-database.
cli-password-read-failed = ไม่สามารถอ่านรหัสผ่านจากอินพุตมาตรฐานได้

cli-password-missing = กรุณาส่งรหัสผ่านทางอินพุตมาตรฐาน

# $role: the role's keyword as given to --role (admin, officer, coordinator, member).
cli-user-added = เพิ่ม { $email } ({ $role }) แล้ว

# $role: the role's keyword, as in cli-user-added.
cli-user-role-set = { $email } มีบทบาทเป็น { $role } แล้ว

cli-user-disabled = ปิดใช้งาน { $email } แล้ว
cli-user-enabled = เปิดใช้งาน { $email } แล้ว

# On standard error, just before the secret itself is printed on standard output.
cli-token-created = โทเค็น { $id } สำหรับ { $email } จะแสดงเพียงครั้งเดียว โปรดเก็บเป็นความลับ:

cli-token-revoked = เพิกถอนแล้ว
cli-token-not-found = ไม่มีโทเค็นที่ยังใช้งานได้ซึ่งมีรหัสนี้

## The server and the demonstration network

# As cli-opening-database. $address: such as 127.0.0.1:8080.
cli-serve-listen-failed = ไม่สามารถรอรับการเชื่อมต่อที่ { $address } ได้

# $address: such as 127.0.0.1:8080.
cli-serve-started = kyoso กำลังให้บริการที่ http://{ $address }

cli-serve-stopped = kyoso หยุดทำงานแล้ว
cli-demo-filling = กำลังเติมเครือข่ายสาธิตลงในฐานข้อมูลที่ว่างอยู่…
cli-demo-network-counts = เครือข่ายสาธิต: องค์กร { $organizations } แห่ง บุคคล { $people } คน ความสัมพันธ์ { $ties } รายการ

# Before the list of demo accounts, one per line: email, then cli-demo-account-of or the role alone.
cli-demo-accounts = บัญชีสาธิต (รหัสผ่าน { $password }):

# $role: the role's keyword (admin, officer, coordinator, member); $organization: its acronym, such as TPA.
cli-demo-account-of = { $role } ของ { $organization }

# After `kyoso demo`. $database: the URL, password masked; $seconds: with one decimal.
cli-demo-summary = เครือข่ายสาธิต (seed { $seed }) ใน { $database }: องค์กร { $organizations } แห่ง บุคคล { $people } คน ความสัมพันธ์ { $ties } รายการ ({ $seconds } วินาที)

# One line per table after `kyoso demo`, after the table's name (cli-table-*), which the code pads.
cli-write-counts = เพิ่ม { $added } แก้ไข { $updated } ไม่เปลี่ยนแปลง { $unchanged }

## Tables

# A table's name: in cli-export-done, cli-progress-importing, cli-progress-exporting
# and beside cli-write-counts.
cli-table-people = บุคคล

cli-table-organizations = องค์กร
cli-table-ties = ความสัมพันธ์
cli-table-events = กิจกรรม
cli-table-participations = การเข้าร่วม
cli-table-programs = โครงการ
cli-table-lessons = บทเรียน
cli-table-needs = ความต้องการ
cli-table-offers = ข้อเสนอ

## Import, export and the database

# $seconds: with one decimal; $rate: rows per second, a whole number.
# English selects a plural form on $rows; add a selector where your language needs one.
cli-import-done = { $file }: { $rows } แถว: เพิ่ม { $added } แก้ไข { $updated } ไม่เปลี่ยนแปลง { $unchanged } ({ $seconds } วินาที, { $rate } แถว/วินาที)

# After the faults of a refused file, each on its own line as FILE:LINE: FIELD: MESSAGE.
# English selects a plural form on $errors; add a selector where your language needs one.
cli-import-refused = { $file }: มีข้อผิดพลาด { $errors } รายการ จึงไม่ได้นำเข้าข้อมูลใด ๆ

# $table: the table's name (cli-table-*); $count: how many records.
cli-export-done = { $file }: ส่งออกข้อมูล{ $table } { $count } รายการแล้ว

# $database: the URL, password masked.
cli-db-migrated = สคีมาของ { $database } เป็นปัจจุบันแล้ว

# $id: the person's id. Keep the command `kyoso db erasures` as it is.
cli-db-erased = ลบ { $id } แล้ว โปรดเก็บผลลัพธ์ของ `kyoso db erasures` ไว้คู่กับข้อมูลสำรอง

# $erased: how many were erased now; $listed: how many the file lists.
cli-db-replayed = ลบซ้ำ { $erased } จาก { $listed } รายการในรายชื่อ ที่เหลือถูกลบไปแล้วหรือไม่มีอยู่แล้ว

cli-db-check-ok = ปกติ: ตรวจสอบองค์กร { $organizations } แห่ง บุคคล { $people } คน ความสัมพันธ์ { $ties } รายการ กิจกรรม { $events } รายการแล้ว

# One line per problem; $problem: what is wrong (in English, from the store).
cli-db-check-problem = ปัญหา: { $problem }

# English selects a plural form on $count; add a selector where your language needs one.
cli-db-check-problems = พบปัญหา { $count } รายการ

## Assignment rounds

# As cli-import-refused.
# English selects a plural form on $errors; add a selector where your language needs one.
cli-assign-refused = { $file }: มีข้อผิดพลาด { $errors } รายการ จึงยังไม่ได้จัดสรรใด ๆ

# $mode: optimal or stable, as given to --mode; $score: with six decimals; $seconds: with two.
cli-assign-summary = { $file } (วิธี { $mode }): จัดสรรผู้เข้าร่วม { $placed } จาก { $participants } คน ให้ผู้รับ { $hosts } ราย ({ $places } ที่) คะแนนรวม { $score } ({ $seconds } วินาที)

# A heading; below it one line per participant: id, then why (cli-assign-reason-*).
cli-assign-not-placed = ไม่ได้รับการจัดสรร:

# Why a participant was not placed. The pages say it as matching-no-candidates-reason.
cli-assign-reason-no-candidates = ไม่มีผู้รับที่เป็นไปได้

cli-assign-reason-hosts-full = ผู้รับที่เป็นไปได้ทั้งหมดเต็มด้วยผู้เข้าร่วมคนอื่นแล้ว
cli-assign-reason-not-worth-it = ไม่มีคู่ที่ได้คะแนนมากกว่า 0

# A heading; below it one line per group (cli-assign-fairness-row).
cli-assign-fairness = ความเป็นธรรม:

# Indented, its first columns padded by the code. $by: country or gender (keywords);
# $group: the country code or the gender; $share: a percentage with one decimal;
# $mean: with four decimals, or – when no one was placed.
cli-assign-fairness-row = { $by } { $group } จัดสรร { $placed } จาก { $participants } ({ $share }%) คะแนนเฉลี่ย { $mean }

## Matching

# $need: what was given as the need's id.
cli-match-not-a-need-id = "{ $need }" ไม่ใช่รหัสของความต้องการ

# The first line of `kyoso match`. $kind and $status: the need's kind and status
# (keywords today; matching-need-kind-* and matching-need-status-* name them);
# $shown, $pool: numbers; $seconds: with one decimal.
cli-match-summary = { $title } ({ $kind }, { $status }): { $shown } อันดับแรกจากผู้สมัคร { $pool } ราย ({ $seconds } วินาที)

# After a candidate's title and ", ": how many introductions away from the need's poster.
# English selects a plural form on $steps; add a selector where your language needs one.
cli-match-steps-away = ห่างออกไป { $steps } ขั้น

# Indented under a candidate: the company that provides a technology.
cli-match-provider = โดย { $provider }

# Indented under a candidate: an alumnus in the country who can champion it.
cli-match-champion = ผู้ผลักดันในท้องถิ่น: { $name }

# Indented under a candidate; $path: names joined with " → ".
cli-match-warm-path = เส้นทางการแนะนำ: { $path }

# After `kyoso needs sweep`.
# English selects a plural form on $count; add a selector where your language needs one.
cli-needs-expired = ความต้องการ { $count } รายการหมดอายุแล้ว

# $title: the need's title; $id: its id; $date: its deadline, YYYY-MM-DD.
cli-needs-reminder = แจ้งเตือน: "{ $title }" ({ $id }) จะหมดอายุวันที่ { $date }

## The network

cli-path-none = ไม่มีสายความสัมพันธ์ที่เชื่อมถึงกัน
cli-hubs-header = ศูนย์กลาง: องค์กรและกิจกรรมที่มีสมาชิก ศิษย์เก่า ผู้ฝึกงาน หรือผู้เข้าร่วมเกิน { $hub_ties } ราย และที่ผู้ดูแลระบบกำหนด เส้นทางจะผ่านองค์กรที่เป็นศูนย์กลางได้เฉพาะเมื่อความสัมพันธ์ทั้งสองเริ่มต้นห่างกันไม่เกินหนึ่งปี และจะไม่ผ่านกิจกรรมที่เป็นศูนย์กลาง
cli-hubs-none = ไม่มีศูนย์กลาง
cli-hubs-flagged = ผู้ดูแลระบบกำหนด
cli-hub-flagged = กำหนด { $organization } เป็นศูนย์กลางแล้ว
cli-hub-unflagged = ยกเลิกการกำหนด { $organization } เป็นศูนย์กลางแล้ว

# After a path's number ("1. "). $introductions: how many people pass it on (0 for a direct tie);
# $cost: with three decimals.
# English selects a plural form on $introductions; add a selector where your language needs one.
cli-path-summary = แนะนำ { $introductions } ครั้ง ต้นทุน { $cost }

# $method: cli-brokers-exact or cli-brokers-sampled; $seconds: with one decimal.
cli-brokers-summary = ระเบียน { $records } รายการ ความสัมพันธ์ { $ties } รายการ; { $method } ({ $seconds } วินาที)

cli-brokers-exact = ค่าคั่นกลางที่คำนวณอย่างแม่นยำ

# $sources: how many sources were sampled; $error: the error bound, five decimals;
# $confidence: a percentage, such as 95.
cli-brokers-sampled = ค่าคั่นกลางประมาณจากจุดเริ่มต้นตัวอย่าง { $sources } จุด: ด้วยความเชื่อมั่น { $confidence }% ทุกค่าคลาดเคลื่อนไม่เกิน ±{ $error } ส่วน ± ข้างแต่ละค่าคือช่วง 95% โดยประมาณของค่านั้น

# $from, $to: group selectors as given, such as country:TH,type:private.
cli-brokers-between = บนเส้นทางที่สั้นที่สุดจาก { $from } ถึง { $to }

# A column of a broker's line: how many ties the broker has. The code pads the column.
cli-brokers-ties = ความสัมพันธ์ { $ties } รายการ

# $modularity: with four decimals; $levels: how many levels the method went through;
# $seconds: with one decimal.
cli-communities-summary = ชุมชน { $count } ชุมชนจากระเบียน { $records } รายการและความสัมพันธ์ { $ties } รายการ: ค่ามอดุลาริตี { $modularity }, { $levels } ระดับ ({ $seconds } วินาที)

# As cli-communities-summary, when the time budget ran out.
cli-communities-summary-partial = ชุมชน { $count } ชุมชนจากระเบียน { $records } รายการและความสัมพันธ์ { $ties } รายการ: ค่ามอดุลาริตี { $modularity }, { $levels } ระดับ; หยุดเมื่อครบเวลาที่กำหนด โดยใช้ผลที่ดีที่สุดที่พบจนถึงตอนนั้น ({ $seconds } วินาที)

# After a community's number ("1. "). $countries: codes and counts, such as TH 12 VN 8;
# $leading: the names of its most connected members.
cli-communities-row = สมาชิก { $members } คน ความสัมพันธ์ภายใน { $ties } รายการ  { $countries }  ({ $leading })

# A heading; the core's members follow, one per line. $k: each member's least number of ties inside.
cli-core-group = กลุ่มแกนหลัก: { $k }-core สมาชิก { $size } คน

# As cli-opening-database.
cli-growth-failed = ไม่สามารถนับการเติบโตของเครือข่ายได้

# Column headings of `kyoso network growth`; keep them short: the code pads them.
cli-growth-period = ช่วงเวลา

cli-growth-new-members = +สมาชิก
cli-growth-new-ties = +ความสัมพันธ์
cli-growth-members = สมาชิก
cli-growth-ties = ความสัมพันธ์
cli-growth-countries = ประเทศ

# The size of the largest connected group.
cli-growth-largest = กลุ่มใหญ่สุด

# Column headings of `kyoso network growth --by country`.
cli-growth-country = ประเทศ

# The first period in which the country had a member.
cli-growth-since = ตั้งแต่

# The last column's heading: new members in each of the latest ten periods.
cli-growth-recent = สมาชิกใหม่ต่อช่วงเวลา 10 ช่วงล่าสุด

## Progress

# In the progress bar: the time left. The code passes indicatif's own placeholder
# "{eta}" as $eta and puts the result into the bar's template.
cli-progress-eta = เหลืออีก { $eta }

# Stages beside the progress bar (right-aligned in 18 columns).
cli-progress-ranking = กำลังอ่านเครือข่ายและจัดทำดัชนีผู้สมัคร

cli-progress-reading-network = กำลังอ่านเครือข่าย
cli-progress-brokers = กำลังค้นหาผู้เชื่อมโยง
cli-progress-communities = กำลังค้นหาชุมชน
cli-progress-growth = กำลังนับการเติบโต

# Stages that kyoso-service starts today with English text (exchange.rs, enrolments.rs);
# $table: the table's name (cli-table-*). The demo's stages are the table names alone.
cli-progress-importing = กำลังนำเข้าข้อมูล{ $table }

cli-progress-exporting = กำลังส่งออกข้อมูล{ $table }

## Search

# After a search: how many records match. $count: a number.
cli-search-found = พบ { $count } รายการ

# A hit's line: its kind, its title; the id follows.
cli-search-translated = (แปลแล้ว)

# After kyoso search reindex. $count: records indexed.
cli-search-reindexed = จัดทำดัชนีแล้ว { $count } รายการ

# kyoso eval search: one line of figures.
cli-eval-scores = { $group }: { $queries } คำค้น, nDCG@10 { $ndcg }, recall@10 { $recall }

# The group name of all queries together.
cli-eval-overall = รวมทั้งหมด
cli-eval-match-scores = { $group }: { $needs } ความต้องการ, P@10 { $precision }, nDCG@10 { $ndcg }, ผู้ที่ไม่ผ่านเงื่อนไขบังคับใน 10 อันดับแรก { $breakers } ราย

# kyoso search vocabulary --coverage: one line per language.
cli-vocabulary-language = { $language }: { $concepts } แนวคิด, { $names } ชื่อเรียก

# The first line of the coverage.
cli-vocabulary-total = { $concepts } แนวคิด, { $abbreviations } คำย่อ, { $homonyms } คำพ้องรูปที่แยกตามความหมาย

# A hit's kind, before its title in kyoso search.
cli-search-kind-person = บุคคล
cli-search-kind-organization = องค์กร
cli-search-kind-need = ความต้องการ
cli-search-kind-technology = เทคโนโลยี
cli-search-kind-company = บริษัท
cli-search-kind-program = โครงการ
cli-search-kind-lesson = บทเรียน
cli-search-kind-question = คำถาม
cli-eval-bm25 = เส้นฐาน: BM25 จากคำของผู้สมัครเอง (ไม่ใช้คลังคำ ไม่ใช้เงื่อนไข)
cli-eval-bm25-filtered = เส้นฐาน: BM25 พร้อมตัวกรองเงื่อนไขบังคับที่สมบูรณ์ (ตัดผู้สมัครที่ผิดเงื่อนไขตามชุดประเมินออก)
