### The web interface's common texts: navigation, signing in, people, organizations, ties, forms and personal data.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Navigation and signing in

web-tagline = เครือข่ายของผู้คนที่นำความรู้และทักษะจากญี่ปุ่นไปพัฒนาต่อในต่างประเทศ
web-home = หน้าแรก
web-people = บุคคล
web-organizations = องค์กร
web-ties = ความสัมพันธ์
web-audit-log = บันทึกการเปลี่ยนแปลง
web-api-reference = API
web-sign-in = เข้าสู่ระบบ
web-sign-out = ออกจากระบบ
web-signed-in-as = เข้าสู่ระบบในชื่อ
web-email = อีเมล
web-password = รหัสผ่าน
web-sign-in-failed = อีเมลหรือรหัสผ่านไม่ถูกต้อง
web-too-many-attempts = พยายามเข้าสู่ระบบหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่อีกครั้ง

## Home, search and profiles

web-recent-activity = ความเคลื่อนไหวล่าสุด
web-no-activity = ยังไม่มีการเปลี่ยนแปลง
web-search = ค้นหา
web-name = ชื่อ
web-name-native = ชื่อในภาษาของตน
web-name-latin = ชื่อภาษาอังกฤษ (อักษรโรมัน)
web-name-japanese = ชื่อภาษาญี่ปุ่น (หรือคำอ่านคาตากานะ)
web-country = ประเทศ
web-any = ทั้งหมด
web-skill = ทักษะ
web-sector = สาขา
web-language = ภาษา
web-at-least = ระดับขั้นต่ำ
web-no-results = ไม่พบบุคคลที่ตรงกับเงื่อนไข
web-next-page = หน้าถัดไป
web-residence = ประเทศที่พำนัก
web-another-language = ภาษาอื่น
web-another-sector = สาขาอื่น
web-level = ระดับ
web-experience-countries = เคยอาศัยหรือทำงานใน
web-another-country = ประเทศอื่น
web-available-from = พร้อมตั้งแต่ (ถ้าไม่ใช่ตอนนี้)
web-nationality = สัญชาติ
web-gender = เพศ
web-languages = ภาษา
web-skills = ทักษะ
web-sectors = สาขา
web-available-mentoring = พร้อมเป็นพี่เลี้ยง
web-available-dispatch = พร้อมรับการส่งตัวไปเป็นผู้เชี่ยวชาญ
web-available-training = เป็นวิทยากรหรือผู้ฝึกสอนได้
web-phone = โทรศัพท์
web-bio = ประวัติโดยย่อ
web-network = เครือข่าย
web-ego-network-caption = บุคคลและองค์กรที่มีความสัมพันธ์กับบุคคลนี้

## Forms and messages

web-edit = แก้ไข
web-save = บันทึก
web-cancel = ยกเลิก
web-delete = ลบ
web-new-person = เพิ่มบุคคล
web-new-organization = เพิ่มองค์กร
web-new-tie = เพิ่มความสัมพันธ์
web-edit-tie = แก้ไขความสัมพันธ์
web-strength = ความแน่นแฟ้น
web-visibility = ผู้ที่มองเห็นได้
web-sub-organizations = องค์กรในสังกัด
web-parent = สังกัด
web-website = เว็บไซต์
web-org-type = ประเภท
web-acronym = ชื่อย่อ
web-present = ปัจจุบัน
web-fix-errors = กรุณาแก้ไขช่องที่มีเครื่องหมายด้านล่าง
web-saved = บันทึกเรียบร้อยแล้ว
web-not-found = ไม่พบหน้านี้ หรือคุณไม่มีสิทธิ์เข้าถึง
web-forbidden = คุณไม่มีสิทธิ์ทำรายการนี้

## Personal data and erasure

web-download-my-data = ดาวน์โหลดข้อมูลของฉัน
web-ask-erasure = ขอให้ลบข้อมูลของฉัน
web-erasure-explained = เจ้าหน้าที่ขององค์กรจะลบข้อมูลของคุณ หรือแจ้งเหตุผลที่ยังลบไม่ได้
web-erasure-pending = คำขอลบข้อมูลของคุณกำลังรอเจ้าหน้าที่ขององค์กรดำเนินการ
web-erasure-postponed = ยังไม่สามารถลบข้อมูลของคุณได้:
web-erasure-requests = คำขอลบข้อมูล
web-erasure-requests-none = ไม่มีคำขอลบข้อมูลที่รอดำเนินการ
web-erase-now = ลบทันที
web-postpone-because = ยังไม่ลบ เนื่องจาก
web-requested-on = ขอเมื่อ
web-consent-processing = ยินยอมให้ประมวลผลข้อมูลส่วนบุคคล
web-consent-contact = ยินยอมให้สมาชิกในเครือข่ายติดต่อ
web-consent-public-listing = ยินยอมให้เผยแพร่ต่อสาธารณะ

## Ties and the audit log

web-kind = ประเภท
web-from = จาก
web-to = ถึง
web-start = เริ่ม
web-end = สิ้นสุด
web-role = บทบาท
web-note = หมายเหตุ
web-when = เวลา
web-who = ผู้ดำเนินการ
web-action = การดำเนินการ
web-record = รายการ
web-error-title = เกิดข้อผิดพลาด

## Visibility

web-vis-private = เฉพาะองค์กรของเรา
web-vis-network = สมาชิกในเครือข่าย
web-vis-public = ทุกคน

## Gender

web-female = หญิง
web-male = ชาย
web-other = อื่น ๆ

## Group headings of a profile's ties, by kind

web-studied-at = การศึกษา
web-trained-at = การฝึกอบรม
web-employed-by = การทำงาน
web-member-of = การเป็นสมาชิก
web-founded = การก่อตั้ง
web-mentored = การเป็นพี่เลี้ยง
web-hosted-intern = การฝึกงาน
web-partnered-with = ความร่วมมือ
web-supervises = การกำกับดูแล
web-met-at = ผู้ที่เคยพบ

## Language switcher

# The language's own name, for the switcher: each language's file gives its own (look it up in each language to list the switcher).
web-language-own-name = ไทย
web-another-skill = ทักษะอื่น
web-word-rows-hint = ช่องละหนึ่งรายการ: เริ่มพิมพ์เพื่อเลือกชื่อที่มีอยู่ หรือเขียนเองได้
web-attended = เข้าร่วม
web-event-kind = ประเภทกิจกรรม
web-event-dates = วันที่
web-event-place = สถานที่
web-event-organizer = ผู้จัด
event-kind-conference = การประชุม
event-kind-seminar = สัมมนา
event-kind-workshop = เวิร์กช็อป
event-kind-training = การฝึกอบรม
event-kind-trade-fair = งานแสดงสินค้า
event-kind-study-tour = การศึกษาดูงาน
event-kind-alumni-gathering = งานพบปะศิษย์เก่า
event-kind-business-matching = การจับคู่ธุรกิจ
event-kind-other = กิจกรรมอื่น
web-events = กิจกรรม
web-met-at-event = กิจกรรมที่พบกัน (สำหรับการพบปะ)
