### The network pages' texts: warm introductions, brokers, communities, the core group and growth.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Warm introductions

network-network = เครือข่าย
network-reach-title = จะติดต่อคนนี้ได้อย่างไร

# $from: the name of the person or organization the paths start from
network-reach-intro = เส้นทางการแนะนำจาก { $from }: สายของคนที่รู้จักกัน โดยให้ความสำคัญกับความสัมพันธ์ที่แน่นแฟ้นและใหม่กว่า

network-reach-from = เริ่มจาก
network-reach-from-hint = รหัสของบุคคลหรือองค์กร
network-no-path = ไม่มีสายความสัมพันธ์ที่เชื่อมถึงกันผ่านระเบียนที่คุณดูได้
network-path-number = เส้นทาง
network-introductions = การแนะนำ
network-direct = รู้จักกันโดยตรง
network-cost = ต้นทุน

## Two people tied the same way to one organization

# $organization: the organization's name
network-studied-together = เรียนด้วยกันที่ { $organization }

# $organization: the organization's name
network-trained-together = ฝึกอบรมด้วยกันที่ { $organization }

# $organization: the organization's name
network-worked-together = ทำงานด้วยกันที่ { $organization }

# $organization: the organization's name
network-members-together = เป็นสมาชิก { $organization } ทั้งคู่

# $organization: the organization's name
network-founded-together = ร่วมก่อตั้ง { $organization }

# $organization: the organization's name
network-interns-together = เป็นผู้ฝึกงานที่ { $organization } ทั้งคู่

# The same, when they began in different years.
# $organization: the organization's name
network-studied-both = เคยเรียนที่ { $organization } ทั้งคู่

# $organization: the organization's name
network-trained-both = เคยฝึกอบรมที่ { $organization } ทั้งคู่
network-hub-narrowed = เป็นศูนย์กลางขนาดใหญ่: ขั้นนี้นับได้เพราะความสัมพันธ์ทั้งสองกับองค์กรนี้เริ่มต้นห่างกันไม่เกินหนึ่งปี
network-hub-passed = { $name } (ศูนย์กลาง: ความสัมพันธ์เริ่มห่างกันไม่เกินหนึ่งปี)
network-hub-mark = ศูนย์กลาง
network-hub-note = เส้นทางจะผ่านศูนย์กลาง ซึ่งเป็นองค์กรที่มีสมาชิกหรือศิษย์เก่าจำนวนมาก ได้เฉพาะเมื่อความสัมพันธ์ทั้งสองกับองค์กรนั้นเริ่มต้นห่างกันไม่เกินหนึ่งปี

# $organization: the organization's name
network-worked-both = เคยทำงานที่ { $organization } ทั้งคู่

# $organization: the organization's name
network-founded-both = เป็นผู้ก่อตั้ง { $organization } ทั้งคู่

## What a tie says, read from its first end (forward) and from its second (backward), by kind

network-verb-studied-at-forward = เรียนที่
network-verb-studied-at-backward = สถานศึกษาของ
network-verb-trained-at-forward = ฝึกอบรมที่
network-verb-trained-at-backward = ฝึกอบรม
network-verb-employed-by-forward = ทำงานที่
network-verb-employed-by-backward = จ้างงาน
network-verb-member-of-forward = สมาชิกของ
network-verb-member-of-backward = มีสมาชิกคือ
network-verb-founded-forward = ก่อตั้ง
network-verb-founded-backward = ก่อตั้งโดย
network-verb-mentored-forward = เป็นพี่เลี้ยงให้
network-verb-mentored-backward = มีพี่เลี้ยงคือ
network-verb-hosted-intern-forward = รับผู้ฝึกงาน
network-verb-hosted-intern-backward = ฝึกงานที่
network-verb-partnered-with-forward = เป็นหุ้นส่วนกับ
network-verb-partnered-with-backward = เป็นหุ้นส่วนกับ
network-verb-supervises-forward = กำกับดูแล
network-verb-supervises-backward = อยู่ภายใต้การกำกับของ
network-verb-met-at-forward = พบกับ
network-verb-met-at-backward = พบกับ

## Brokers

network-brokers = ผู้เชื่อมโยง
network-brokers-intro = ผู้ที่เชื่อมส่วนต่าง ๆ ของเครือข่ายที่แยกจากกัน: สัดส่วนของเส้นทางที่สั้นที่สุดระหว่างผู้อื่นที่ผ่านพวกเขา (ค่าความเป็นศูนย์กลางแบบคั่นกลาง)
network-exact = คำนวณค่าคั่นกลางอย่างแม่นยำจากทุกระเบียน

# $sources: how many sources were sampled (a number)
# $error: the error bound, a decimal such as 0.0123
network-sampled = ประมาณจากจุดเริ่มต้นตัวอย่าง { $sources } จุด: ด้วยความเชื่อมั่น 95% ทุกค่าคลาดเคลื่อนไม่เกิน ±{ $error } ส่วน ± ข้างแต่ละค่าคือช่วง 95% โดยประมาณของค่านั้น

network-rank = อันดับ
network-score = ค่าคั่นกลาง
network-ties = ความสัมพันธ์
network-bridges-countries = เชื่อมกับประเทศ
network-bridges-types = เชื่อมกับประเภทองค์กร
network-from-group = ระหว่างกลุ่ม
network-to-group = และกลุ่ม
network-group-hint = เช่น country:TH,type:private — ประเภท: government, ngo, partnership, multilateral, foundation, private, academic, other; sector:321

## Communities and the core group

network-communities = ชุมชน
network-communities-intro = กลุ่มของระเบียนที่เชื่อมโยงกันเองมากกว่ากับส่วนที่เหลือ (วิธีลูแวง)
network-modularity = ค่ามอดุลาริตี
network-community = ชุมชน
network-members = สมาชิก
network-ties-inside = ความสัมพันธ์ภายใน
network-countries = ประเทศ
network-most-connected = ผู้ที่เชื่อมโยงมากที่สุด
network-partial = การค้นหาหมดเวลา: นี่คือการแบ่งกลุ่มที่ดีที่สุดที่พบจนถึงตอนนี้
network-map-aggregated = แต่ละวงกลมคือชุมชน ขนาดตามจำนวนสมาชิก เส้นคือความสัมพันธ์ระหว่างชุมชน
network-map-members = แต่ละจุดคือบุคคล (วงกลม) หรือองค์กร (สี่เหลี่ยม) สีตามชุมชน
network-core-group = กลุ่มแกนหลัก

# $k: the k of the k-core: each member's least number of ties inside it (a number, 0 or more)
# $size: how many members the core has (a number)
network-core-intro = { $k }-core: สมาชิก { $size } คน แต่ละคนมีความสัมพันธ์กับสมาชิกอื่นอย่างน้อย { $k } เส้น — แกนหลักที่ทุ่มเท

## Growth

network-growth = การเติบโต
network-growth-intro = ระเบียนเข้าร่วมเครือข่ายเมื่อมีความสัมพันธ์แรก
network-per-year = รายปี
network-per-month = รายเดือน
network-new-members = สมาชิกใหม่
network-new-ties = ความสัมพันธ์ใหม่
network-total-members = สมาชิก
network-total-ties = ความสัมพันธ์
network-largest-group = กลุ่มที่เชื่อมถึงกันใหญ่ที่สุด
network-countries-reached = ประเทศที่เข้าถึง
network-first-period = ตั้งแต่
network-as-of = ณ วันที่
network-show = แสดง
network-verb-attended-forward = เข้าร่วม
network-verb-attended-backward = มีผู้เข้าร่วม
network-attended-together = เข้าร่วม { $organization } ทั้งคู่
