### The program pages' texts: programs, participants' journeys, the work list, technical intern training, grievances, follow-ups and outcomes.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Programs and participants

programs-programs = โครงการ
programs-program-type = ประเภท
programs-organizer = ผู้จัด
programs-partners = พันธมิตร
programs-funders = แหล่งทุน
programs-budget = งบประมาณ
programs-stage = ระยะการพัฒนา
programs-sdgs = เป้าหมาย SDGs
programs-countries = ประเทศ
programs-period = ระยะเวลา
programs-cohorts = รุ่น
programs-capacity = จำนวนที่รับ
programs-by-state = ผู้เข้าร่วมตามขั้นตอน
programs-no-participants = ยังไม่มีผู้เข้าร่วม
programs-no-programs = ไม่มีโครงการที่จะแสดง
programs-board = กระดาน
programs-journey = เส้นทางการเข้าร่วม
programs-move-to = ขั้นตอนถัดไป
programs-move-button = ย้าย
programs-on-date = วันที่
programs-retract = ยกเลิกขั้นตอนล่าสุด
programs-reason = เหตุผล
programs-retracted = ถูกยกเลิก
programs-retraction-of = ยกเลิกขั้นตอนที่
programs-recorded-by = บันทึกโดย

## The work list

programs-work-list = รายการงาน
programs-applications = ใบสมัครที่รอพิจารณา
programs-overdue = การติดตามผลที่เลยกำหนด

# $months: the follow-up period, in months (a number from 1 to 60)
programs-overdue-hint = กลับประเทศหรือติดตามผลครั้งล่าสุดมาแล้วเกิน { $months } เดือน

programs-follow-up-months = เลยกำหนดหลัง (เดือน)
programs-show = แสดง
programs-nothing-waiting = ไม่มีงานค้าง
programs-since = ตั้งแต่

## Technology demonstrations

programs-provider = ผู้ให้เทคโนโลยี
programs-technology = เทคโนโลยี
programs-local-partner = พันธมิตรในประเทศ
programs-milestones = หมุดหมาย
programs-results = ผลลัพธ์

## Technical intern training

programs-placements = สถานที่ฝึกปฏิบัติงานทางเทคนิค
programs-phase = ระยะ
programs-supervising = องค์กรกำกับดูแล
programs-implementing = บริษัทที่รับฝึก
programs-job-category = ประเภทงาน
programs-visits = การตรวจเยี่ยม
programs-findings = สิ่งที่พบ
programs-actions = การดำเนินการแก้ไข
programs-grievances = ข้อร้องเรียน
programs-raise-grievance = ยื่นข้อร้องเรียน
programs-grievance-private = ข้อร้องเรียนเห็นได้เฉพาะผู้ฝึกงาน เจ้าหน้าที่ขององค์กรกำกับดูแล และผู้ดูแลระบบเท่านั้น
programs-category = หมวด
programs-description = สิ่งที่เกิดขึ้น
programs-status = สถานะ

## Follow-ups and outcomes

programs-follow-ups = การติดตามผลหลังกลับประเทศ
programs-channel = ช่องทาง
programs-outcomes = ผลลัพธ์หลังกลับประเทศ
programs-outcome = ผลลัพธ์
programs-organization = องค์กร
programs-japanese-affiliated = นายจ้างเป็นบริษัทญี่ปุ่น
programs-jobs-created = จำนวนงานที่สร้าง
programs-people-supported = จำนวนคนที่ได้รับการดูแล
programs-record = บันทึก
programs-open-grievances = ข้อร้องเรียนที่ยังไม่ยุติ

## Grievance categories

programs-grievance-category-wages = ค่าจ้าง
programs-grievance-category-working-hours = ชั่วโมงทำงาน
programs-grievance-category-safety = ความปลอดภัย
programs-grievance-category-housing = ที่พัก
programs-grievance-category-harassment = การคุกคาม
programs-grievance-category-contract = สัญญาจ้าง
programs-grievance-category-health = สุขภาพ
programs-grievance-category-other = อื่น ๆ

## Grievance statuses

programs-grievance-status-open = เปิด
programs-grievance-status-in-progress = กำลังดำเนินการ
programs-grievance-status-resolved = แก้ไขแล้ว
programs-grievance-status-closed = ปิด

## Follow-up channels

programs-follow-up-channel-visit = เยี่ยม
programs-follow-up-channel-phone = โทรศัพท์
programs-follow-up-channel-email = อีเมล
programs-follow-up-channel-online = ออนไลน์
programs-follow-up-channel-survey = แบบสำรวจ
programs-follow-up-channel-event = กิจกรรม

## Follow-up statuses

programs-follow-up-status-reached = ติดต่อได้
programs-follow-up-status-unreachable = ติดต่อไม่ได้
programs-follow-up-status-declined = ปฏิเสธ

## Outcomes after return

programs-outcome-kind-employed = ได้งานทำ
programs-outcome-kind-promoted = ได้เลื่อนตำแหน่ง
programs-outcome-kind-founded = ก่อตั้งกิจการ
programs-outcome-kind-became-trainer = เป็นวิทยากรหรือผู้สอน
programs-outcome-kind-contributed-knowledge = ถ่ายทอดความรู้

## Journey states

programs-journey-state-applied = สมัครแล้ว
programs-journey-state-selected = ได้รับคัดเลือก
programs-journey-state-pre-departure = อบรมก่อนเดินทาง
programs-journey-state-active = กำลังฝึกอบรม
programs-journey-state-completed = สำเร็จหลักสูตร
programs-journey-state-returned = กลับประเทศแล้ว
programs-journey-state-follow-up = ติดตามผล
programs-journey-state-withdrawn = ถอนตัว
programs-journey-state-rejected = ไม่ผ่านการคัดเลือก

## Participant roles

programs-participant-role-trainee = ผู้รับการฝึกอบรม
programs-participant-role-intern = นักศึกษาฝึกงาน
programs-participant-role-technical-intern = ผู้ฝึกปฏิบัติงานทางเทคนิค
programs-participant-role-expert = ผู้เชี่ยวชาญ
programs-participant-role-mentor = พี่เลี้ยง
programs-participant-role-lecturer = วิทยากร

## Program types

programs-program-type-training-in-japan = ฝึกอบรมที่ญี่ปุ่น
programs-program-type-overseas-training = ฝึกอบรมนอกญี่ปุ่น
programs-program-type-expert-dispatch = ส่งผู้เชี่ยวชาญ
programs-program-type-internship = ฝึกงาน
programs-program-type-technical-intern-training = การฝึกปฏิบัติงานทางเทคนิค (TITP)
programs-program-type-demonstration-project = โครงการสาธิตเทคโนโลยี
programs-program-type-pre-departure-training = อบรมก่อนเดินทาง
programs-program-type-seminar-series = ชุดสัมมนา

## Development stages

programs-development-stage-technology-transfer = การถ่ายทอดเทคโนโลยี
programs-development-stage-promotion = การส่งเสริม
programs-development-stage-diffusion = การเผยแพร่
programs-development-stage-education = การศึกษา

## Funding sources

programs-funding-source-oda = ODA
programs-funding-source-private = ภาคเอกชน
programs-funding-source-fund = กองทุน kyoso
