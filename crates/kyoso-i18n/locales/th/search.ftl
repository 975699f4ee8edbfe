## The search page: one search over every kind of record.

search-title = ค้นหา
search-intro = ค้นหาบุคคล องค์กร ความต้องการ เทคโนโลยี บริษัท โครงการ บทเรียน และคำถามได้ในที่เดียว พิมพ์เป็นภาษาไทย ญี่ปุ่น อังกฤษ หรือเวียดนามก็ได้ ระเบียนที่เขียนด้วยภาษาอื่นก็จะพบได้ด้วยคำเดียวกัน
search-query = คุณกำลังมองหาอะไร
search-placeholder = เช่น การหล่อลื่น, 潤滑, lubrication, รถยก
search-button = ค้นหา
# How many records match. $count: a number.
search-found = พบ { $count } รายการ
search-nothing = ไม่พบรายการ ลองใช้คำอื่น ภาษาอื่น หรือลดตัวกรองลง
search-empty = พิมพ์คำหนึ่งหรือสองคำ หรือเลือกประเภท ประเทศ หรือสาขาทางด้านซ้าย
search-narrow = กรองผลลัพธ์
search-facet-kind = ประเภท
search-facet-country = ประเทศ
search-facet-sector = สาขา
search-facet-language = ภาษา
search-clear = ล้างตัวกรองทั้งหมด
# A filter that is on; following it turns it off.
search-remove-filter = นำตัวกรองนี้ออก
search-translated = คำแปล
search-translated-hint = แสดงเป็นภาษาของคุณ ระเบียนต้นฉบับเขียนด้วยภาษาอื่น
search-matched = ตรงกับ
search-previous = ก่อนหน้า
search-next = ถัดไป
# $from, $to: positions of the first and the last result shown; $total: all results.
search-showing = { $from }–{ $to } จาก { $total }
search-kinds-person = บุคคล
search-kinds-organization = องค์กร
search-kinds-event = กิจกรรม
search-kinds-need = ความต้องการ
search-kinds-technology = เทคโนโลยี
search-kinds-company = บริษัท
search-kinds-program = โครงการ
search-kinds-lesson = บทเรียน
search-kinds-question = คำถาม
