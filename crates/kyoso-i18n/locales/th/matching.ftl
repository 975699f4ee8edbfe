### The matching pages' texts: needs, candidates, the pipeline, the technology catalogue and assignment rounds.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Needs

matching-needs = ความต้องการ
matching-needs-intro = สิ่งที่องค์กรและบุคคลในประเทศคู่ร่วมมือขอจากเครือข่าย: ผู้เชี่ยวชาญ เทคโนโลยี พันธมิตร การฝึกอบรม พี่เลี้ยง และการลงทุน
matching-post-need = โพสต์ความต้องการ
matching-no-needs = ไม่มีความต้องการที่ตรงกัน
matching-kind = ประเภท
matching-status = สถานะ
matching-title = หัวข้อ
matching-description = รายละเอียด
matching-skills = ทักษะ
matching-required-skills = ทักษะที่ผู้สมัครทุกคนต้องมี
matching-sectors = สาขา
matching-country = ประเทศที่ทำงาน
matching-require-country = เฉพาะผู้ที่เคยอยู่ในประเทศนี้
matching-languages = ภาษา
matching-another-language = ภาษาอื่น
matching-works-in = ภาษาที่ใช้ทำงานหรือให้การสนับสนุน
matching-offer-countries = ประเทศ
matching-offer-countries-hint = เทคโนโลยี: ประเทศที่ใช้งานแล้ว / บริษัท: ตลาดที่ต้องการ
matching-another-country = ประเทศอื่น
matching-least-level = ระดับต่ำสุด
matching-must-hold = จำเป็น: ไม่เสนอผู้ที่ต่ำกว่านี้
matching-or-above = หรือ: ใช้ภาษานี้แทนภาษาข้างบนได้
matching-available-by = ต้องพร้อมภายในวันที่
matching-people-only = สำหรับผู้เชี่ยวชาญหรือพี่เลี้ยง: ผู้ที่พร้อมหลังจากนั้นจะไม่ถูกเสนอ
matching-require-available = เฉพาะผู้ที่พร้อม
matching-deadline = กำหนดเวลา

## Candidates and introductions

matching-candidates = ผู้สมัครที่เหมาะที่สุด

# $shown: how many candidates are shown (a number)
# $pool: how many candidates were ranked (a number)
matching-candidates-intro = { $shown } อันดับแรกจาก { $pool } พร้อมเหตุผลของคะแนน

matching-score = คะแนน
matching-why = เหตุผล
matching-warm-path = เส้นทางการแนะนำ
matching-provider = ผู้ให้บริการ
matching-champion = ผู้ผลักดันในท้องถิ่น
matching-champion-hint = ศิษย์เก่าในประเทศที่ช่วยผลักดันได้
matching-ask-introduction = ขอการแนะนำ
matching-already-matched = อยู่ในกระบวนการ
matching-no-candidates = ไม่มีผู้สมัครที่มีทักษะ สาขา หรือประเทศตรงกับความต้องการนี้
matching-sign-in-to-match = ลงชื่อเข้าใช้เพื่อดูผู้สมัคร
matching-matches = การแนะนำ
matching-no-matches = ยังไม่มีการขอการแนะนำ
matching-move-to = ย้ายไปที่
matching-outcome = ผลลัพธ์
matching-note = หมายเหตุ
matching-note-hint = เหตุผล เมื่อปฏิเสธ
matching-save = บันทึก
matching-close-need = ปิดความต้องการ
matching-reopen-need = เปิดอีกครั้ง

# $date: the deadline, as YYYY-MM-DD
matching-expires-soon = ความต้องการนี้จะหมดอายุวันที่ { $date }: ขยายกำหนดเวลาหรือปิด

matching-expired-note = ความต้องการนี้หมดอายุแล้ว เลื่อนกำหนดเวลาเพื่อเปิดอีกครั้ง
matching-weights-note = น้ำหนัก: ทักษะ 35% สาขา 10% ภาษา 15% ประเทศ 10% ความพร้อม 10% ผลงาน 8% เครือข่าย 12%

## The pipeline

matching-pipeline = ขั้นตอนการจับคู่
matching-pipeline-intro = การแนะนำทั้งหมดสำหรับความต้องการขององค์กรคุณ ตามสถานะ
matching-candidate = ผู้สมัคร

## Technologies and partners

matching-catalogue = เทคโนโลยีและพันธมิตร
matching-catalogue-intro = เทคโนโลยีญี่ปุ่นที่พร้อมสำหรับประเทศคู่ร่วมมือ และบริษัทที่กำลังหาพันธมิตร
matching-list-offer = ลงรายการข้อเสนอ
matching-no-offers = ไม่มีข้อเสนอที่ตรงกัน
matching-search = ค้นหา
matching-readiness = ระดับความพร้อม (TRL)
matching-min-readiness = TRL อย่างน้อย
matching-sdgs = SDGs
matching-deployed-in = ใช้งานแล้วใน
matching-deployed-abroad = ที่ใดก็ได้นอกญี่ปุ่น
matching-another-sector = สาขาอื่น
matching-technology-only = สำหรับความต้องการเทคโนโลยี: เทคโนโลยีที่ไม่ผ่านจะไม่ถูกเสนอ
matching-markets-sought = ตลาดที่ต้องการ
matching-seeks = ต้องการ
matching-keywords = คำสำคัญ
matching-capacity = กำลังการผลิต
matching-any = ทั้งหมด

## Assignment rounds

matching-assignment = รอบการจัดสรร
matching-assignment-intro = จัดสรรผู้เข้าร่วมให้กับผู้รับ (ผู้ฝึกงานกับบริษัท ผู้รับคำปรึกษากับพี่เลี้ยง) ตามจำนวนที่รับได้และคะแนน
matching-round-file = ข้อมูลรอบเป็น CSV: participant,host,score,capacity[,participant_preference,host_preference,country,gender]
matching-mode = วิธี
matching-mode-optimal = เหมาะสมที่สุด: คะแนนรวมสูงสุด
matching-mode-stable = เสถียร: ไม่มีผู้เข้าร่วมและผู้รับคู่ใดที่อยากได้กันและกันมากกว่า
matching-assign = จัดสรร
matching-participants = ผู้เข้าร่วม
matching-hosts = ผู้รับ
matching-places = จำนวนที่รับ
matching-placed = ได้รับการจัดสรร
matching-total-score = คะแนนรวม
matching-participant = ผู้เข้าร่วม
matching-host = ผู้รับ
matching-reason = เหตุผล
matching-fairness = ความเป็นธรรม
matching-by-country = ตามประเทศ
matching-by-gender = ตามเพศ
matching-share-placed = สัดส่วนที่ได้รับการจัดสรร
matching-mean-score = คะแนนเฉลี่ย
matching-no-candidates-reason = ไม่มีผู้รับที่เป็นไปได้
matching-hosts-full-reason = ผู้รับที่เป็นไปได้เต็มทั้งหมด
matching-not-worth-it-reason = ไม่มีการจัดสรรที่ได้คะแนนเป็นบวก

## Need kinds

matching-need-kind-expertise = ผู้เชี่ยวชาญ
matching-need-kind-technology = เทคโนโลยี
matching-need-kind-business-partner = พันธมิตรทางธุรกิจ
matching-need-kind-training = การฝึกอบรม
matching-need-kind-mentoring = พี่เลี้ยง
matching-need-kind-investment = การลงทุน

## Need statuses

matching-need-status-open = เปิดรับ
matching-need-status-matched = จับคู่แล้ว
matching-need-status-closed = ปิด
matching-need-status-expired = หมดอายุ

## Match statuses

matching-match-status-proposed = เสนอ
matching-match-status-introduced = แนะนำแล้ว
matching-match-status-accepted = ตอบรับ
matching-match-status-declined = ปฏิเสธ
matching-match-status-collaborating = ร่วมงาน
matching-match-status-concluded = สิ้นสุด

## Match outcomes

matching-match-outcome-agreement-signed = ลงนามข้อตกลง
matching-match-outcome-demonstration-done = สาธิตเสร็จ
matching-match-outcome-hired = จ้างงาน
matching-match-outcome-no-result = ไม่มีผล

## Offer kinds

matching-offer-kind-technology = เทคโนโลยี
matching-offer-kind-partnership = ความร่วมมือ

## What a company seeks in a partner

matching-seek-joint-venture = หุ้นส่วนกิจการร่วมค้า
matching-seek-technical-cooperation = ความร่วมมือทางเทคนิค
matching-seek-licence-out = ผู้รับสิทธิ์ใช้เทคโนโลยีของตน (ให้สิทธิ์)
matching-seek-licence-in = เทคโนโลยีที่จะรับสิทธิ์มาใช้ (รับสิทธิ์)
matching-seek-demonstration = สถานที่สาธิตเทคโนโลยีของตน
matching-seek-buyer = ผู้ซื้อหรือลูกค้า
matching-seek-supplier = ผู้จัดหาสินค้า (ซัพพลายเออร์)
matching-seek-distributor = ผู้จัดจำหน่าย
matching-seek-contract-manufacturing = ผู้รับจ้างผลิต
matching-seek-offshore-development = พันธมิตรพัฒนาซอฟต์แวร์นอกประเทศ
matching-seek-investment = เงินลงทุน
matching-seek-investing = กิจการที่จะเข้าไปลงทุน


## Ranking factors

matching-factor-skills = ทักษะ
matching-factor-sectors = สาขา
matching-factor-languages = ภาษา
matching-factor-country = ประเทศ
matching-factor-availability = ความพร้อม
matching-factor-track-record = ผลงาน
matching-factor-network = เครือข่าย

# Beside a language a need requires (not only prefers).
matching-language-must = จำเป็น

## The sides of a deal and the size of an investment

matching-seeks-hint = สิ่งที่ผู้โพสต์ต้องการจากคู่ค้า: จะเสนอเฉพาะบริษัทที่ต้องการอีกฝั่งของข้อตกลง
matching-seeks-offer-hint = สิ่งที่บริษัทต้องการจากคู่ค้า
matching-investment-usd = เงินลงทุนที่ต้องการ (ดอลลาร์สหรัฐ)
matching-invests-from-usd = ลงทุนอย่างน้อย (ดอลลาร์สหรัฐ)
matching-invests-up-to-usd = ลงทุนไม่เกิน (ดอลลาร์สหรัฐ)
matching-invests = ลงทุนต่อกิจการ
matching-investing-only = สำหรับบริษัทที่มองหากิจการเพื่อลงทุน

## How a course is taught

matching-course-mode = รูปแบบการอบรม
matching-course-mode-in-japan = ที่ญี่ปุ่น
matching-course-mode-in-country = ในประเทศของผู้เข้าร่วม
matching-course-mode-both = ทั้งที่ญี่ปุ่นและในประเทศของผู้เข้าร่วม
matching-course-mode-online = ออนไลน์
matching-training-only = สำหรับความต้องการฝึกอบรม: หลักสูตรรูปแบบอื่นจะไม่ถูกเสนอ

## The Sustainable Development Goals, by number

matching-sdgs-hint = เลือกเป้าหมายตามชื่อ ส่วนเป้าประสงค์ย่อยเช่น 6.3 ใช้ API หรือไฟล์
matching-sdg-1 = 1. ขจัดความยากจน
matching-sdg-2 = 2. ขจัดความหิวโหย
matching-sdg-3 = 3. การมีสุขภาพและความเป็นอยู่ที่ดี
matching-sdg-4 = 4. การศึกษาที่มีคุณภาพ
matching-sdg-5 = 5. ความเท่าเทียมทางเพศ
matching-sdg-6 = 6. น้ำสะอาดและการสุขาภิบาล
matching-sdg-7 = 7. พลังงานสะอาดที่เข้าถึงได้
matching-sdg-8 = 8. งานที่มีคุณค่าและการเติบโตทางเศรษฐกิจ
matching-sdg-9 = 9. อุตสาหกรรม นวัตกรรม และโครงสร้างพื้นฐาน
matching-sdg-10 = 10. ลดความเหลื่อมล้ำ
matching-sdg-11 = 11. เมืองและชุมชนที่ยั่งยืน
matching-sdg-12 = 12. แผนการบริโภคและการผลิตที่ยั่งยืน
matching-sdg-13 = 13. การรับมือการเปลี่ยนแปลงสภาพภูมิอากาศ
matching-sdg-14 = 14. ทรัพยากรทางทะเล
matching-sdg-15 = 15. ระบบนิเวศบนบก
matching-sdg-16 = 16. สังคมสงบสุข ยุติธรรม ไม่แบ่งแยก
matching-sdg-17 = 17. ความร่วมมือเพื่อการพัฒนาที่ยั่งยืน
matching-another-keyword = คำสำคัญอื่น
matching-another-required-skill = ทักษะที่จำเป็นอื่น
matching-located-in = ผู้สมัครต้องอยู่ที่
matching-or-located-in = หรืออยู่ที่
matching-located-in-hint = ประเทศที่บุคคลอาศัยอยู่ หรือที่ตั้งของบริษัทหรือผู้ให้เทคโนโลยี เว้นว่างไว้หากที่ใดก็ได้
