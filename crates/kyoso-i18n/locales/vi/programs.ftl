### The program pages' texts: programs, participants' journeys, the work list, technical intern training, grievances, follow-ups and outcomes.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Programs and participants

programs-programs = Chương trình
programs-program-type = Loại
programs-organizer = Đơn vị tổ chức
programs-partners = Đối tác
programs-funders = Nguồn tài trợ
programs-budget = Ngân sách
programs-stage = Giai đoạn phát triển
programs-sdgs = Mục tiêu SDGs
programs-countries = Quốc gia
programs-period = Thời gian
programs-cohorts = Khóa
programs-capacity = Chỉ tiêu
programs-by-state = Người tham gia theo giai đoạn
programs-no-participants = Chưa có người tham gia.
programs-no-programs = Không có chương trình nào để hiển thị.
programs-board = Bảng
programs-journey = Hành trình tham gia
programs-move-to = Bước tiếp theo
programs-move-button = Chuyển
programs-on-date = Ngày
programs-retract = Hủy bước gần nhất
programs-reason = Lý do
programs-retracted = đã hủy
programs-retraction-of = Hủy bước
programs-recorded-by = ghi bởi

## The work list

programs-work-list = Danh sách công việc
programs-applications = Hồ sơ chờ xét duyệt
programs-overdue = Theo dõi quá hạn

# $months: the follow-up period, in months (a number from 1 to 60)
programs-overdue-hint = Đã về nước, hoặc được theo dõi lần cuối, hơn { $months } tháng trước.

programs-follow-up-months = Quá hạn sau (tháng)
programs-show = Hiển thị
programs-nothing-waiting = Không có việc nào đang chờ.
programs-since = từ

## Technology demonstrations

programs-provider = Đơn vị cung cấp công nghệ
programs-technology = Công nghệ
programs-local-partner = Đối tác địa phương
programs-milestones = Các mốc
programs-results = Kết quả

## Technical intern training

programs-placements = Nơi thực tập kỹ năng
programs-phase = Giai đoạn
programs-supervising = Nghiệp đoàn quản lý
programs-implementing = Công ty tiếp nhận
programs-job-category = Ngành nghề
programs-visits = Kiểm tra định kỳ
programs-findings = Phát hiện
programs-actions = Biện pháp khắc phục
programs-grievances = Khiếu nại
programs-raise-grievance = Gửi khiếu nại
programs-grievance-private = Chỉ thực tập sinh, cán bộ nghiệp đoàn quản lý và quản trị viên được xem khiếu nại.
programs-category = Loại
programs-description = Nội dung
programs-status = Trạng thái

## Follow-ups and outcomes

programs-follow-ups = Theo dõi sau khi về nước
programs-channel = Hình thức
programs-outcomes = Kết quả sau khi về nước
programs-outcome = Kết quả
programs-organization = Tổ chức
programs-japanese-affiliated = Doanh nghiệp Nhật Bản
programs-jobs-created = Việc làm tạo ra
programs-people-supported = Số người được hỗ trợ
programs-record = Ghi lại
programs-open-grievances = Khiếu nại chưa giải quyết

## Grievance categories

programs-grievance-category-wages = Tiền lương
programs-grievance-category-working-hours = Giờ làm việc
programs-grievance-category-safety = An toàn
programs-grievance-category-housing = Nhà ở
programs-grievance-category-harassment = Quấy rối
programs-grievance-category-contract = Hợp đồng
programs-grievance-category-health = Sức khỏe
programs-grievance-category-other = Khác

## Grievance statuses

programs-grievance-status-open = Mới
programs-grievance-status-in-progress = Đang xử lý
programs-grievance-status-resolved = Đã giải quyết
programs-grievance-status-closed = Đã đóng

## Follow-up channels

programs-follow-up-channel-visit = Thăm
programs-follow-up-channel-phone = Điện thoại
programs-follow-up-channel-email = Email
programs-follow-up-channel-online = Trực tuyến
programs-follow-up-channel-survey = Khảo sát
programs-follow-up-channel-event = Sự kiện

## Follow-up statuses

programs-follow-up-status-reached = Liên lạc được
programs-follow-up-status-unreachable = Không liên lạc được
programs-follow-up-status-declined = Từ chối

## Outcomes after return

programs-outcome-kind-employed = Có việc làm
programs-outcome-kind-promoted = Được thăng chức
programs-outcome-kind-founded = Thành lập doanh nghiệp
programs-outcome-kind-became-trainer = Trở thành giảng viên
programs-outcome-kind-contributed-knowledge = Chia sẻ kiến thức

## Journey states

programs-journey-state-applied = Đã nộp đơn
programs-journey-state-selected = Được chọn
programs-journey-state-pre-departure = Trước xuất cảnh
programs-journey-state-active = Đang đào tạo
programs-journey-state-completed = Hoàn thành
programs-journey-state-returned = Đã về nước
programs-journey-state-follow-up = Theo dõi sau
programs-journey-state-withdrawn = Rút lui
programs-journey-state-rejected = Không được chọn

## Participant roles

programs-participant-role-trainee = Học viên
programs-participant-role-intern = Thực tập sinh
programs-participant-role-technical-intern = Thực tập sinh kỹ năng
programs-participant-role-expert = Chuyên gia
programs-participant-role-mentor = Người hướng dẫn
programs-participant-role-lecturer = Giảng viên

## Program types

programs-program-type-training-in-japan = Đào tạo tại Nhật Bản
programs-program-type-overseas-training = Đào tạo ngoài Nhật Bản
programs-program-type-expert-dispatch = Cử chuyên gia
programs-program-type-internship = Thực tập
programs-program-type-technical-intern-training = Thực tập kỹ năng (TITP)
programs-program-type-demonstration-project = Dự án trình diễn công nghệ
programs-program-type-pre-departure-training = Đào tạo trước xuất cảnh
programs-program-type-seminar-series = Chuỗi hội thảo

## Development stages

programs-development-stage-technology-transfer = Chuyển giao công nghệ
programs-development-stage-promotion = Thúc đẩy
programs-development-stage-diffusion = Lan tỏa
programs-development-stage-education = Giáo dục

## Funding sources

programs-funding-source-oda = ODA
programs-funding-source-private = Tư nhân
programs-funding-source-fund = Quỹ kyoso
