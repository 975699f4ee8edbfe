### The command line's messages to people: results, progress, errors and the settings it prints.
### Draft translation by the kyoso team: to be reviewed by a native speaker.

## Errors

# Before the error that stopped a command. $error: what went wrong.
cli-error = lỗi: { $error }

# The program could not start its runtime. $error: why.
cli-error-cannot-start = lỗi: không thể khởi động: { $error }

# Under cli-error, once per cause, indented by two spaces by the code.
cli-error-caused-by = nguyên nhân: { $cause }

# What was being done when an error stopped the command: it follows "error: " and
# the cause follows it. Translations may say it failed. $database: the URL, password masked.
cli-opening-database = không mở được { $database }

# As cli-opening-database. $file: a path.
cli-reading-file = không đọc được { $file }

# As cli-opening-database. $file: a path.
cli-creating-file = không tạo được { $file }

# As cli-opening-database. $file: a path.
cli-renaming-file = không đổi tên được thành { $file }

# After the first faults of a refused file: how many more there are. $count: a number.
cli-and-more = ... và { $count } mục khác

## Settings (kyoso config)

# A comment line of `kyoso config`: keep the leading "# " so the output stays a valid kyoso.toml.
cli-config-read-from = # đọc từ { $file }

# A comment line of `kyoso config`: keep the leading "# ", `log` and --verbose.
cli-config-log-not-set = # log: chưa đặt (chỉ cảnh báo và lỗi; dùng --verbose để xem thêm)

# Where a setting came from, after "# " at the end of its line in `kyoso config`
# (a setting from the file shows kyoso.toml, not translated).
cli-config-source-default = mặc định

cli-config-source-environment = biến môi trường
cli-config-source-flag = tham số dòng lệnh

# As cli-opening-database. $file: the settings file's path.
cli-config-reading-file = không đọc được tệp cấu hình { $file }

# $name: the environment variable (KYOSO_ADDR); $value: what it holds.
cli-config-not-an-address = { $name }: "{ $value }" không phải là địa chỉ dạng 127.0.0.1:8080

# $name: the environment variable; $value: what it holds.
cli-config-not-a-whole-number = { $name }: "{ $value }" không phải là số nguyên

# $name: the environment variable; $value: what it holds. Keep true and false.
cli-config-not-true-or-false = { $name }: "{ $value }" không phải là true hoặc false

# $source: where the value came from (cli-config-source-*, or kyoso.toml).
cli-config-max-connections-zero = max_connections (từ { $source }) phải lớn hơn hoặc bằng 1

## Users and tokens

# As cli-opening-database.
cli-password-read-failed = không đọc được mật khẩu từ đầu vào chuẩn

cli-password-missing = hãy nhập mật khẩu qua đầu vào chuẩn

# $role: the role's keyword as given to --role (admin, officer, coordinator, member).
cli-user-added = đã thêm { $email } ({ $role })

# $role: the role's keyword, as in cli-user-added.
cli-user-role-set = { $email } giờ có vai trò { $role }

cli-user-disabled = đã vô hiệu hóa { $email }
cli-user-enabled = đã kích hoạt { $email }

# On standard error, just before the secret itself is printed on standard output.
cli-token-created = token { $id } cho { $email }; token chỉ hiển thị một lần, hãy giữ bí mật:

cli-token-revoked = đã thu hồi
cli-token-not-found = không có token còn hiệu lực nào có mã này

## The server and the demonstration network

# As cli-opening-database. $address: such as 127.0.0.1:8080.
cli-serve-listen-failed = không lắng nghe được trên { $address }

# $address: such as 127.0.0.1:8080.
cli-serve-started = kyoso đang chạy tại http://{ $address }

cli-serve-stopped = kyoso đã dừng
cli-demo-filling = đang nạp mạng lưới minh họa vào cơ sở dữ liệu trống…
cli-demo-network-counts = mạng lưới minh họa: { $organizations } tổ chức, { $people } người, { $ties } mối liên kết

# Before the list of demo accounts, one per line: email, then cli-demo-account-of or the role alone.
cli-demo-accounts = tài khoản minh họa (mật khẩu { $password }):

# $role: the role's keyword (admin, officer, coordinator, member); $organization: its acronym, such as TPA.
cli-demo-account-of = { $role } của { $organization }

# After `kyoso demo`. $database: the URL, password masked; $seconds: with one decimal.
cli-demo-summary = mạng lưới minh họa (seed { $seed }) trong { $database }: { $organizations } tổ chức, { $people } người, { $ties } mối liên kết ({ $seconds } giây)

# One line per table after `kyoso demo`, after the table's name (cli-table-*), which the code pads.
cli-write-counts = thêm { $added }, cập nhật { $updated }, không đổi { $unchanged }

## Tables

# A table's name: in cli-export-done, cli-progress-importing, cli-progress-exporting
# and beside cli-write-counts.
cli-table-people = hồ sơ cá nhân

cli-table-organizations = tổ chức
cli-table-ties = mối liên kết
cli-table-events = sự kiện
cli-table-participations = lượt tham gia
cli-table-programs = chương trình
cli-table-lessons = bài học
cli-table-needs = nhu cầu
cli-table-offers = đề xuất hợp tác

## Import, export and the database

# $seconds: with one decimal; $rate: rows per second, a whole number.
# English selects a plural form on $rows; add a selector where your language needs one.
cli-import-done = { $file }: { $rows } dòng: thêm { $added }, cập nhật { $updated }, không đổi { $unchanged } ({ $seconds } giây, { $rate } dòng/giây)

# After the faults of a refused file, each on its own line as FILE:LINE: FIELD: MESSAGE.
# English selects a plural form on $errors; add a selector where your language needs one.
cli-import-refused = { $file }: có { $errors } lỗi; không có gì được nhập

# $table: the table's name (cli-table-*); $count: how many records.
cli-export-done = { $file }: đã xuất { $count } { $table }

# $database: the URL, password masked.
cli-db-migrated = lược đồ của { $database } đã ở phiên bản mới nhất

# $id: the person's id. Keep the command `kyoso db erasures` as it is.
cli-db-erased = đã xóa { $id }; hãy lưu kết quả của `kyoso db erasures` cùng với các bản sao lưu

# $erased: how many were erased now; $listed: how many the file lists.
cli-db-replayed = đã xóa lại { $erased } trong số { $listed } mục trong danh sách; các mục còn lại đã bị xóa trước đó hoặc không còn tồn tại

cli-db-check-ok = ổn: đã kiểm tra { $organizations } tổ chức, { $people } người, { $ties } mối liên kết, { $events } sự kiện

# One line per problem; $problem: what is wrong (in English, from the store).
cli-db-check-problem = vấn đề: { $problem }

# English selects a plural form on $count; add a selector where your language needs one.
cli-db-check-problems = phát hiện { $count } vấn đề

## Assignment rounds

# As cli-import-refused.
# English selects a plural form on $errors; add a selector where your language needs one.
cli-assign-refused = { $file }: có { $errors } lỗi; chưa phân bổ gì

# $mode: optimal or stable, as given to --mode; $score: with six decimals; $seconds: with two.
cli-assign-summary = { $file } (cách { $mode }): đã phân bổ { $placed } trong { $participants } người tham gia cho { $hosts } nơi tiếp nhận ({ $places } chỉ tiêu); tổng điểm { $score } ({ $seconds } giây)

# A heading; below it one line per participant: id, then why (cli-assign-reason-*).
cli-assign-not-placed = chưa được phân bổ:

# Why a participant was not placed. The pages say it as matching-no-candidates-reason.
cli-assign-reason-no-candidates = không có nơi tiếp nhận khả dĩ

cli-assign-reason-hosts-full = mọi nơi tiếp nhận khả dĩ đều đã đủ người khác
cli-assign-reason-not-worth-it = không có cặp nào có điểm lớn hơn 0

# A heading; below it one line per group (cli-assign-fairness-row).
cli-assign-fairness = công bằng:

# Indented, its first columns padded by the code. $by: country or gender (keywords);
# $group: the country code or the gender; $share: a percentage with one decimal;
# $mean: with four decimals, or – when no one was placed.
cli-assign-fairness-row = { $by } { $group } đã phân bổ { $placed }/{ $participants } ({ $share }%), điểm trung bình { $mean }

## Matching

# $need: what was given as the need's id.
cli-match-not-a-need-id = "{ $need }" không phải là mã của một nhu cầu

# The first line of `kyoso match`. $kind and $status: the need's kind and status
# (keywords today; matching-need-kind-* and matching-need-status-* name them);
# $shown, $pool: numbers; $seconds: with one decimal.
cli-match-summary = { $title } ({ $kind }, { $status }): { $shown } ứng viên tốt nhất trong số { $pool } ({ $seconds } giây)

# After a candidate's title and ", ": how many introductions away from the need's poster.
# English selects a plural form on $steps; add a selector where your language needs one.
cli-match-steps-away = cách { $steps } bước

# Indented under a candidate: the company that provides a technology.
cli-match-provider = cung cấp bởi { $provider }

# Indented under a candidate: an alumnus in the country who can champion it.
cli-match-champion = người thúc đẩy tại chỗ: { $name }

# Indented under a candidate; $path: names joined with " → ".
cli-match-warm-path = đường giới thiệu: { $path }

# After `kyoso needs sweep`.
# English selects a plural form on $count; add a selector where your language needs one.
cli-needs-expired = { $count } nhu cầu đã hết hạn

# $title: the need's title; $id: its id; $date: its deadline, YYYY-MM-DD.
cli-needs-reminder = nhắc nhở: "{ $title }" ({ $id }) hết hạn vào { $date }

## The network

cli-path-none = không có chuỗi quan hệ nào nối họ
cli-hubs-header = Đầu mối: các tổ chức và sự kiện có hơn { $hub_ties } hội viên, cựu học viên, thực tập sinh hoặc người tham dự, và những nơi do quản trị viên chỉ định. Một đường nối chỉ đi qua tổ chức là đầu mối khi hai mối quan hệ bắt đầu cách nhau không quá một năm, và không bao giờ đi qua sự kiện là đầu mối.
cli-hubs-none = không có đầu mối nào
cli-hubs-flagged = do quản trị viên chỉ định
cli-hub-flagged = Đã chỉ định { $organization } là đầu mối.
cli-hub-unflagged = Đã bỏ chỉ định đầu mối của { $organization }.

# After a path's number ("1. "). $introductions: how many people pass it on (0 for a direct tie);
# $cost: with three decimals.
# English selects a plural form on $introductions; add a selector where your language needs one.
cli-path-summary = { $introductions } lần giới thiệu, chi phí { $cost }

# $method: cli-brokers-exact or cli-brokers-sampled; $seconds: with one decimal.
cli-brokers-summary = { $records } hồ sơ, { $ties } quan hệ; { $method } ({ $seconds } giây)

cli-brokers-exact = độ trung gian chính xác

# $sources: how many sources were sampled; $error: the error bound, five decimals;
# $confidence: a percentage, such as 95.
cli-brokers-sampled = độ trung gian ước tính từ { $sources } điểm xuất phát chọn mẫu: với độ tin cậy { $confidence }%, mọi giá trị sai lệch không quá ±{ $error }; dấu ± cạnh mỗi giá trị là khoảng 95% gần đúng của riêng nó

# $from, $to: group selectors as given, such as country:TH,type:private.
cli-brokers-between = trên các đường đi ngắn nhất từ { $from } đến { $to }

# A column of a broker's line: how many ties the broker has. The code pads the column.
cli-brokers-ties = { $ties } quan hệ

# $modularity: with four decimals; $levels: how many levels the method went through;
# $seconds: with one decimal.
cli-communities-summary = { $count } cộng đồng trong { $records } hồ sơ và { $ties } quan hệ: độ mô-đun { $modularity }, { $levels } cấp ({ $seconds } giây)

# As cli-communities-summary, when the time budget ran out.
cli-communities-summary-partial = { $count } cộng đồng trong { $records } hồ sơ và { $ties } quan hệ: độ mô-đun { $modularity }, { $levels } cấp; dừng khi hết thời gian cho phép, với kết quả tốt nhất tìm được đến lúc đó ({ $seconds } giây)

# After a community's number ("1. "). $countries: codes and counts, such as TH 12 VN 8;
# $leading: the names of its most connected members.
cli-communities-row = { $members } thành viên, { $ties } quan hệ bên trong  { $countries }  ({ $leading })

# A heading; the core's members follow, one per line. $k: each member's least number of ties inside.
cli-core-group = nhóm nòng cốt: { $k }-lõi, { $size } thành viên

# As cli-opening-database.
cli-growth-failed = không đếm được mức tăng trưởng của mạng lưới

# Column headings of `kyoso network growth`; keep them short: the code pads them.
cli-growth-period = kỳ

cli-growth-new-members = +thành viên
cli-growth-new-ties = +quan hệ
cli-growth-members = thành viên
cli-growth-ties = quan hệ
cli-growth-countries = quốc gia

# The size of the largest connected group.
cli-growth-largest = nhóm lớn nhất

# Column headings of `kyoso network growth --by country`.
cli-growth-country = quốc gia

# The first period in which the country had a member.
cli-growth-since = từ

# The last column's heading: new members in each of the latest ten periods.
cli-growth-recent = thành viên mới theo kỳ, 10 kỳ gần nhất

## Progress

# In the progress bar: the time left. The code passes indicatif's own placeholder
# "{eta}" as $eta and puts the result into the bar's template.
cli-progress-eta = còn { $eta }

# Stages beside the progress bar (right-aligned in 18 columns).
cli-progress-ranking = đang đọc mạng lưới và lập chỉ mục ứng viên

cli-progress-reading-network = đang đọc mạng lưới
cli-progress-brokers = đang tìm người kết nối
cli-progress-communities = đang tìm cộng đồng
cli-progress-growth = đang đếm mức tăng trưởng

# Stages that kyoso-service starts today with English text (exchange.rs, enrolments.rs);
# $table: the table's name (cli-table-*). The demo's stages are the table names alone.
cli-progress-importing = đang nhập { $table }

cli-progress-exporting = đang xuất { $table }

## Search

# After a search: how many records match. $count: a number.
cli-search-found = Tìm thấy { $count } bản ghi

# A hit's line: its kind, its title; the id follows.
cli-search-translated = (bản dịch)

# After kyoso search reindex. $count: records indexed.
cli-search-reindexed = Đã lập chỉ mục { $count } bản ghi

# kyoso eval search: one line of figures.
cli-eval-scores = { $group }: { $queries } truy vấn, nDCG@10 { $ndcg }, recall@10 { $recall }

# The group name of all queries together.
cli-eval-overall = tổng thể
cli-eval-match-scores = { $group }: { $needs } nhu cầu, P@10 { $precision }, nDCG@10 { $ndcg }, { $breakers } ứng viên vi phạm điều kiện bắt buộc trong top 10

# kyoso search vocabulary --coverage: one line per language.
cli-vocabulary-language = { $language }: { $concepts } khái niệm, { $names } tên gọi

# The first line of the coverage.
cli-vocabulary-total = { $concepts } khái niệm, { $abbreviations } từ viết tắt, { $homonyms } từ đồng âm được phân biệt theo nghĩa

# A hit's kind, before its title in kyoso search.
cli-search-kind-person = người
cli-search-kind-organization = tổ chức
cli-search-kind-need = nhu cầu
cli-search-kind-technology = công nghệ
cli-search-kind-company = doanh nghiệp
cli-search-kind-program = chương trình
cli-search-kind-lesson = bài học
cli-search-kind-question = câu hỏi
cli-eval-bm25 = Đường cơ sở: BM25 trên từ ngữ của chính ứng viên (không từ vựng, không ràng buộc)
cli-eval-bm25-filtered = Đường cơ sở: BM25 với bộ lọc ràng buộc cứng hoàn hảo (loại các ứng viên vi phạm theo bộ đánh giá)
