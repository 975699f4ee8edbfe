### The web interface's common texts: navigation, signing in, people, organizations, ties, forms and personal data.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Navigation and signing in

web-tagline = Mạng lưới những người mang bí quyết kỹ thuật Nhật Bản ra thế giới
web-home = Trang chủ
web-people = Cá nhân
web-organizations = Tổ chức
web-ties = Mối liên kết
web-audit-log = Nhật ký thay đổi
web-api-reference = API
web-sign-in = Đăng nhập
web-sign-out = Đăng xuất
web-signed-in-as = Đang đăng nhập:
web-email = Email
web-password = Mật khẩu
web-sign-in-failed = Email hoặc mật khẩu không đúng.
web-too-many-attempts = Bạn đã thử quá nhiều lần. Vui lòng đợi một phút rồi thử lại.

## Home, search and profiles

web-recent-activity = Hoạt động gần đây
web-no-activity = Chưa có thay đổi nào.
web-search = Tìm kiếm
web-name = Họ tên
web-name-native = Họ tên bằng chữ bản ngữ
web-name-latin = Họ tên bằng chữ Latinh
web-name-japanese = Họ tên tiếng Nhật (hoặc cách đọc katakana)
web-country = Quốc gia
web-any = Tất cả
web-skill = Kỹ năng
web-sector = Lĩnh vực
web-language = Ngôn ngữ
web-at-least = tối thiểu
web-no-results = Không có ai phù hợp với bộ lọc này.
web-next-page = Trang sau
web-residence = Nơi cư trú
web-another-language = Ngôn ngữ khác
web-another-sector = Lĩnh vực khác
web-level = Trình độ
web-experience-countries = Đã sống hoặc làm việc tại
web-another-country = Quốc gia khác
web-available-from = Sẵn sàng từ (nếu không phải ngay)
web-nationality = Quốc tịch
web-gender = Giới tính
web-languages = Ngôn ngữ
web-skills = Kỹ năng
web-sectors = Lĩnh vực
web-available-mentoring = Sẵn sàng làm người hướng dẫn
web-available-dispatch = Sẵn sàng được cử đi làm chuyên gia
web-available-training = Có thể làm giảng viên, huấn luyện viên
web-phone = Điện thoại
web-bio = Giới thiệu
web-network = Mạng lưới
web-ego-network-caption = Những cá nhân và tổ chức có liên kết với người này.

## Forms and messages

web-edit = Chỉnh sửa
web-save = Lưu
web-cancel = Hủy
web-delete = Xóa
web-new-person = Thêm cá nhân
web-new-organization = Thêm tổ chức
web-new-tie = Thêm mối liên kết
web-edit-tie = Sửa mối liên kết
web-strength = Mức độ gắn kết
web-visibility = Ai có thể xem
web-sub-organizations = Tổ chức trực thuộc
web-parent = Trực thuộc
web-website = Trang web
web-org-type = Loại hình
web-acronym = Tên viết tắt
web-present = nay
web-fix-errors = Vui lòng sửa các trường được đánh dấu bên dưới.
web-saved = Đã lưu.
web-not-found = Trang này không tồn tại, hoặc bạn không có quyền xem.
web-forbidden = Bạn không có quyền thực hiện thao tác này.

## Personal data and erasure

web-download-my-data = Tải xuống dữ liệu của tôi
web-ask-erasure = Yêu cầu xóa hồ sơ của tôi
web-erasure-explained = Cán bộ của tổ chức sẽ xóa hồ sơ của bạn, hoặc cho bạn biết lý do chưa thể xóa.
web-erasure-pending = Yêu cầu xóa hồ sơ của bạn đang chờ cán bộ của tổ chức xử lý.
web-erasure-postponed = Hồ sơ của bạn chưa thể xóa:
web-erasure-requests = Yêu cầu xóa dữ liệu
web-erasure-requests-none = Không có yêu cầu xóa nào đang chờ.
web-erase-now = Xóa ngay
web-postpone-because = Chưa xóa, vì
web-requested-on = yêu cầu ngày
web-consent-processing = Đồng ý cho xử lý dữ liệu cá nhân
web-consent-contact = Cho phép mạng lưới liên hệ
web-consent-public-listing = Cho phép hiển thị công khai

## Ties and the audit log

web-kind = Loại
web-from = Từ
web-to = Đến
web-start = Bắt đầu
web-end = Kết thúc
web-role = Vai trò
web-note = Ghi chú
web-when = Thời gian
web-who = Người thực hiện
web-action = Thao tác
web-record = Bản ghi
web-error-title = Đã xảy ra lỗi

## Visibility

web-vis-private = Chỉ tổ chức của chúng tôi
web-vis-network = Thành viên mạng lưới
web-vis-public = Mọi người

## Gender

web-female = Nữ
web-male = Nam
web-other = Khác

## Group headings of a profile's ties, by kind

web-studied-at = Học vấn
web-trained-at = Đào tạo
web-employed-by = Công việc
web-member-of = Tổ chức tham gia
web-founded = Sáng lập
web-mentored = Hướng dẫn
web-hosted-intern = Thực tập
web-partnered-with = Hợp tác
web-supervises = Giám sát
web-met-at = Đã gặp

## Language switcher

# The language's own name, for the switcher: each language's file gives its own (look it up in each language to list the switcher).
web-language-own-name = Tiếng Việt
web-another-skill = Kỹ năng khác
web-word-rows-hint = Mỗi ô một mục: gõ để chọn tên có sẵn, hoặc tự viết
web-attended = Đã tham dự
web-event-kind = Loại sự kiện
web-event-dates = Thời gian
web-event-place = Địa điểm
web-event-organizer = Đơn vị tổ chức
event-kind-conference = Hội nghị
event-kind-seminar = Hội thảo
event-kind-workshop = Hội thảo chuyên đề
event-kind-training = Khóa đào tạo
event-kind-trade-fair = Hội chợ thương mại
event-kind-study-tour = Chuyến tham quan học tập
event-kind-alumni-gathering = Buổi gặp mặt cựu học viên
event-kind-business-matching = Kết nối kinh doanh
event-kind-other = Sự kiện khác
web-events = Sự kiện
web-met-at-event = Sự kiện đã gặp (khi ghi cuộc gặp)
