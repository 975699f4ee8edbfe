### The matching pages' texts: needs, candidates, the pipeline, the technology catalogue and assignment rounds.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Needs

matching-needs = Nhu cầu
matching-needs-intro = Những gì tổ chức và cá nhân ở nước đối tác cần từ mạng lưới: chuyên gia, công nghệ, đối tác, đào tạo, người hướng dẫn, đầu tư.
matching-post-need = Đăng nhu cầu
matching-no-needs = Không có nhu cầu phù hợp.
matching-kind = Loại
matching-status = Trạng thái
matching-title = Tiêu đề
matching-description = Mô tả
matching-skills = Kỹ năng
matching-required-skills = Kỹ năng mọi ứng viên phải có
matching-sectors = Lĩnh vực
matching-country = Quốc gia làm việc
matching-require-country = Chỉ ứng viên từng ở quốc gia này
matching-languages = Ngôn ngữ
matching-another-language = Ngôn ngữ khác
matching-works-in = Ngôn ngữ làm việc hoặc hỗ trợ
matching-offer-countries = Quốc gia
matching-offer-countries-hint = Công nghệ: nơi đã được sử dụng; công ty: thị trường muốn hướng tới
matching-another-country = Quốc gia khác
matching-least-level = Trình độ tối thiểu
matching-must-hold = Bắt buộc: loại người dưới mức này
matching-or-above = Hoặc: ngôn ngữ này thay cho ngôn ngữ bên trên cũng được
matching-available-by = Cần sẵn sàng trước ngày
matching-people-only = Dành cho chuyên gia hoặc người cố vấn: người chỉ sẵn sàng sau ngày đó sẽ bị loại
matching-require-available = Chỉ ứng viên sẵn sàng
matching-deadline = Hạn chót

## Candidates and introductions

matching-candidates = Ứng viên phù hợp nhất

# $shown: how many candidates are shown (a number)
# $pool: how many candidates were ranked (a number)
matching-candidates-intro = { $shown } ứng viên đứng đầu trong { $pool }, kèm lý do của điểm số.

matching-score = Điểm
matching-why = Lý do
matching-warm-path = Đường giới thiệu
matching-provider = Nhà cung cấp
matching-champion = Người thúc đẩy tại chỗ
matching-champion-hint = Cựu học viên trong nước có thể thúc đẩy công nghệ
matching-ask-introduction = Đề nghị giới thiệu
matching-already-matched = Đang xử lý
matching-no-candidates = Không có ứng viên nào chung kỹ năng, lĩnh vực hay quốc gia với nhu cầu này.
matching-sign-in-to-match = Đăng nhập để xem ứng viên.
matching-matches = Giới thiệu
matching-no-matches = Chưa có đề nghị giới thiệu nào.
matching-move-to = Chuyển sang
matching-outcome = Kết quả
matching-note = Ghi chú
matching-note-hint = Lý do, khi từ chối
matching-save = Lưu
matching-close-need = Đóng nhu cầu
matching-reopen-need = Mở lại

# $date: the deadline, as YYYY-MM-DD
matching-expires-soon = Nhu cầu này hết hạn vào { $date }: hãy gia hạn hoặc đóng lại.

matching-expired-note = Nhu cầu này đã hết hạn. Dời hạn chót để mở lại.
matching-weights-note = Trọng số: kỹ năng 35%, lĩnh vực 10%, ngôn ngữ 15%, quốc gia 10%, sẵn sàng 10%, thành tích 8%, mạng lưới 12%.

## The pipeline

matching-pipeline = Tiến trình kết nối
matching-pipeline-intro = Mọi đề nghị giới thiệu cho nhu cầu của tổ chức bạn, theo trạng thái.
matching-candidate = Ứng viên

## Technologies and partners

matching-catalogue = Công nghệ và đối tác
matching-catalogue-intro = Công nghệ Nhật Bản sẵn sàng cho các nước đối tác, và doanh nghiệp đang tìm đối tác.
matching-list-offer = Đăng đề xuất
matching-no-offers = Không có đề xuất phù hợp.
matching-search = Tìm
matching-readiness = Mức sẵn sàng (TRL)
matching-min-readiness = TRL tối thiểu
matching-sdgs = SDGs
matching-deployed-in = Đã triển khai tại
matching-deployed-abroad = Bất kỳ đâu ngoài Nhật Bản
matching-another-sector = Lĩnh vực khác
matching-technology-only = Chỉ cho nhu cầu công nghệ: công nghệ không đạt sẽ bị loại
matching-markets-sought = Thị trường tìm kiếm
matching-seeks = Tìm kiếm
matching-keywords = Từ khóa
matching-capacity = Năng lực
matching-any = Tất cả

## Assignment rounds

matching-assignment = Vòng phân bổ
matching-assignment-intro = Phân bổ người tham gia cho nơi tiếp nhận (thực tập sinh cho doanh nghiệp, người được hướng dẫn cho người hướng dẫn) theo sức chứa và điểm số.
matching-round-file = Dữ liệu vòng dạng CSV: participant,host,score,capacity[,participant_preference,host_preference,country,gender]
matching-mode = Cách phân bổ
matching-mode-optimal = Tối ưu: tổng điểm lớn nhất
matching-mode-stable = Ổn định: không còn cặp nào cùng muốn nhau hơn
matching-assign = Phân bổ
matching-participants = Người tham gia
matching-hosts = Nơi tiếp nhận
matching-places = Chỉ tiêu
matching-placed = Đã phân bổ
matching-total-score = Tổng điểm
matching-participant = Người tham gia
matching-host = Nơi tiếp nhận
matching-reason = Lý do
matching-fairness = Công bằng
matching-by-country = Theo quốc gia
matching-by-gender = Theo giới tính
matching-share-placed = Tỷ lệ được phân bổ
matching-mean-score = Điểm trung bình
matching-no-candidates-reason = không có nơi tiếp nhận khả dĩ
matching-hosts-full-reason = mọi nơi tiếp nhận khả dĩ đều đã đủ
matching-not-worth-it-reason = không có phân bổ nào có điểm dương

## Need kinds

matching-need-kind-expertise = Chuyên gia
matching-need-kind-technology = Công nghệ
matching-need-kind-business-partner = Đối tác kinh doanh
matching-need-kind-training = Đào tạo
matching-need-kind-mentoring = Hướng dẫn
matching-need-kind-investment = Đầu tư

## Need statuses

matching-need-status-open = Đang mở
matching-need-status-matched = Đã kết nối
matching-need-status-closed = Đã đóng
matching-need-status-expired = Hết hạn

## Match statuses

matching-match-status-proposed = Đề xuất
matching-match-status-introduced = Đã giới thiệu
matching-match-status-accepted = Chấp nhận
matching-match-status-declined = Từ chối
matching-match-status-collaborating = Đang hợp tác
matching-match-status-concluded = Kết thúc

## Match outcomes

matching-match-outcome-agreement-signed = Ký thỏa thuận
matching-match-outcome-demonstration-done = Đã trình diễn
matching-match-outcome-hired = Tuyển dụng
matching-match-outcome-no-result = Không có kết quả

## Offer kinds

matching-offer-kind-technology = Công nghệ
matching-offer-kind-partnership = Hợp tác

## What a company seeks in a partner

matching-seek-joint-venture = Đối tác liên doanh
matching-seek-technical-cooperation = Hợp tác kỹ thuật
matching-seek-licence-out = Bên nhận chuyển giao công nghệ của mình (cấp phép)
matching-seek-licence-in = Công nghệ để nhận chuyển giao (nhận cấp phép)
matching-seek-demonstration = Nơi trình diễn công nghệ của mình
matching-seek-buyer = Người mua hoặc khách hàng
matching-seek-supplier = Nhà cung cấp
matching-seek-distributor = Nhà phân phối
matching-seek-contract-manufacturing = Nhà sản xuất gia công
matching-seek-offshore-development = Đối tác phát triển phần mềm offshore
matching-seek-investment = Vốn đầu tư
matching-seek-investing = Doanh nghiệp để đầu tư vào


## Ranking factors

matching-factor-skills = Kỹ năng
matching-factor-sectors = Lĩnh vực
matching-factor-languages = Ngôn ngữ
matching-factor-country = Quốc gia
matching-factor-availability = Sẵn sàng
matching-factor-track-record = Thành tích
matching-factor-network = Mạng lưới

# Beside a language a need requires (not only prefers).
matching-language-must = bắt buộc

## The sides of a deal and the size of an investment

matching-seeks-hint = Điều người đăng tìm ở đối tác: chỉ đề xuất những công ty tìm phía bên kia của giao dịch
matching-seeks-offer-hint = Điều công ty tìm ở đối tác
matching-investment-usd = Số vốn cần đầu tư (đô la Mỹ)
matching-invests-from-usd = Đầu tư ít nhất (đô la Mỹ)
matching-invests-up-to-usd = Đầu tư nhiều nhất (đô la Mỹ)
matching-invests = Mức đầu tư mỗi doanh nghiệp
matching-investing-only = Dành cho công ty tìm doanh nghiệp để đầu tư

## How a course is taught

matching-course-mode = Hình thức
matching-course-mode-in-japan = Tại Nhật Bản
matching-course-mode-in-country = Tại nước của học viên
matching-course-mode-both = Tại Nhật Bản và tại nước của học viên
matching-course-mode-online = Trực tuyến
matching-training-only = Dành cho nhu cầu đào tạo: khóa học theo hình thức khác sẽ bị loại

## The Sustainable Development Goals, by number

matching-sdgs-hint = Chọn mục tiêu theo tên; chỉ tiêu như 6.3 qua API hoặc tệp
matching-sdg-1 = 1. Xóa nghèo
matching-sdg-2 = 2. Không còn nạn đói
matching-sdg-3 = 3. Sức khỏe và có cuộc sống tốt
matching-sdg-4 = 4. Giáo dục có chất lượng
matching-sdg-5 = 5. Bình đẳng giới
matching-sdg-6 = 6. Nước sạch và vệ sinh
matching-sdg-7 = 7. Năng lượng sạch với giá thành hợp lý
matching-sdg-8 = 8. Việc làm tốt và tăng trưởng kinh tế
matching-sdg-9 = 9. Công nghiệp, đổi mới sáng tạo và hạ tầng
matching-sdg-10 = 10. Giảm bất bình đẳng
matching-sdg-11 = 11. Các thành phố và cộng đồng bền vững
matching-sdg-12 = 12. Tiêu dùng và sản xuất có trách nhiệm
matching-sdg-13 = 13. Hành động về khí hậu
matching-sdg-14 = 14. Tài nguyên và môi trường biển
matching-sdg-15 = 15. Tài nguyên và môi trường trên đất liền
matching-sdg-16 = 16. Hòa bình, công lý và thể chế vững mạnh
matching-sdg-17 = 17. Quan hệ đối tác vì các mục tiêu
matching-another-keyword = Từ khóa khác
matching-another-required-skill = Kỹ năng bắt buộc khác
matching-located-in = Ứng viên có trụ sở tại
matching-or-located-in = hoặc có trụ sở tại
matching-located-in-hint = Nơi một người cư trú, hoặc nơi công ty, nhà cung cấp công nghệ đặt trụ sở; để trống nếu ở đâu cũng được
