### The network pages' texts: warm introductions, brokers, communities, the core group and growth.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Warm introductions

network-network = Mạng lưới
network-reach-title = Làm sao để liên hệ với người này?

# $from: the name of the person or organization the paths start from
network-reach-intro = Những lời giới thiệu từ { $from }: chuỗi những người quen biết nhau, ưu tiên mối quan hệ bền chặt và gần đây.

network-reach-from = Bắt đầu từ
network-reach-from-hint = mã của một người hoặc tổ chức
network-no-path = Không có chuỗi quan hệ nào nối họ qua các hồ sơ bạn được xem.
network-path-number = Đường
network-introductions = lần giới thiệu
network-direct = quen biết trực tiếp
network-cost = chi phí

## Two people tied the same way to one organization

# $organization: the organization's name
network-studied-together = cùng học tại { $organization }

# $organization: the organization's name
network-trained-together = cùng tu nghiệp tại { $organization }

# $organization: the organization's name
network-worked-together = cùng làm việc tại { $organization }

# $organization: the organization's name
network-members-together = cùng là hội viên { $organization }

# $organization: the organization's name
network-founded-together = cùng sáng lập { $organization }

# $organization: the organization's name
network-interns-together = cùng là thực tập sinh tại { $organization }

# The same, when they began in different years.
# $organization: the organization's name
network-studied-both = đều từng học tại { $organization }

# $organization: the organization's name
network-trained-both = đều từng tu nghiệp tại { $organization }
network-hub-narrowed = là một đầu mối lớn: bước này được tính vì hai mối quan hệ với tổ chức này bắt đầu cách nhau không quá một năm
network-hub-passed = { $name } (đầu mối: các mối quan hệ bắt đầu cách nhau không quá một năm)
network-hub-mark = đầu mối
network-hub-note = Một đường nối chỉ đi qua đầu mối, tức tổ chức có rất nhiều hội viên hoặc cựu học viên, khi hai mối quan hệ với tổ chức đó bắt đầu cách nhau không quá một năm.

# $organization: the organization's name
network-worked-both = đều từng làm việc tại { $organization }

# $organization: the organization's name
network-founded-both = đều là nhà sáng lập { $organization }

## What a tie says, read from its first end (forward) and from its second (backward), by kind

network-verb-studied-at-forward = học tại
network-verb-studied-at-backward = nơi đào tạo
network-verb-trained-at-forward = tu nghiệp tại
network-verb-trained-at-backward = đào tạo
network-verb-employed-by-forward = làm việc tại
network-verb-employed-by-backward = tuyển dụng
network-verb-member-of-forward = hội viên của
network-verb-member-of-backward = có hội viên
network-verb-founded-forward = sáng lập
network-verb-founded-backward = được sáng lập bởi
network-verb-mentored-forward = hướng dẫn
network-verb-mentored-backward = được hướng dẫn bởi
network-verb-hosted-intern-forward = tiếp nhận thực tập sinh
network-verb-hosted-intern-backward = thực tập tại
network-verb-partnered-with-forward = hợp tác với
network-verb-partnered-with-backward = hợp tác với
network-verb-supervises-forward = giám sát
network-verb-supervises-backward = được giám sát bởi
network-verb-met-at-forward = gặp
network-verb-met-at-backward = gặp

## Brokers

network-brokers = Người kết nối
network-brokers-intro = Những người nối các phần tách biệt của mạng lưới: tỷ lệ đường đi ngắn nhất giữa những người khác đi qua họ (độ trung gian).
network-exact = Độ trung gian tính chính xác trên mọi hồ sơ.

# $sources: how many sources were sampled (a number)
# $error: the error bound, a decimal such as 0.0123
network-sampled = Ước tính từ { $sources } điểm xuất phát chọn mẫu: với độ tin cậy 95%, mọi giá trị sai lệch không quá ±{ $error }; dấu ± cạnh mỗi giá trị là khoảng 95% gần đúng của riêng nó.

network-rank = Hạng
network-score = Độ trung gian
network-ties = Quan hệ
network-bridges-countries = Quan hệ với các nước
network-bridges-types = Quan hệ với các loại tổ chức
network-from-group = Giữa nhóm
network-to-group = và nhóm
network-group-hint = ví dụ country:TH,type:private — loại: government, ngo, partnership, multilateral, foundation, private, academic, other; sector:321

## Communities and the core group

network-communities = Cộng đồng
network-communities-intro = Các nhóm hồ sơ gắn bó với nhau hơn với phần còn lại (phương pháp Louvain).
network-modularity = Độ mô-đun
network-community = Cộng đồng
network-members = Thành viên
network-ties-inside = Quan hệ bên trong
network-countries = Quốc gia
network-most-connected = Kết nối nhiều nhất
network-partial = Việc tìm kiếm đã hết thời gian: đây là cách phân nhóm tốt nhất tìm được đến nay.
network-map-aggregated = Mỗi vòng tròn là một cộng đồng, kích thước theo số thành viên; các đường là quan hệ giữa các cộng đồng.
network-map-members = Mỗi điểm là một người (tròn) hoặc tổ chức (vuông), tô màu theo cộng đồng.
network-core-group = Nhóm nòng cốt

# $k: the k of the k-core: each member's least number of ties inside it (a number, 0 or more)
# $size: how many members the core has (a number)
network-core-intro = { $k }-lõi: { $size } thành viên, mỗi người có ít nhất { $k } quan hệ với các thành viên khác — nhóm nòng cốt tận tâm.

## Growth

network-growth = Tăng trưởng
network-growth-intro = Một hồ sơ tham gia mạng lưới từ quan hệ đầu tiên của nó.
network-per-year = theo năm
network-per-month = theo tháng
network-new-members = Thành viên mới
network-new-ties = Quan hệ mới
network-total-members = Thành viên
network-total-ties = Quan hệ
network-largest-group = Nhóm liên thông lớn nhất
network-countries-reached = Số nước đã đến
network-first-period = Từ
network-as-of = Tính đến
network-show = Xem
network-verb-attended-forward = đã tham dự
network-verb-attended-backward = có người tham dự
network-attended-together = cùng tham dự { $organization }
