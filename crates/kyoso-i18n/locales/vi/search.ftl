## The search page: one search over every kind of record.

search-title = Tìm kiếm
search-intro = Một ô tìm kiếm cho người, tổ chức, nhu cầu, công nghệ, doanh nghiệp, chương trình, bài học kinh nghiệm và câu hỏi. Viết bằng tiếng Việt, tiếng Nhật, tiếng Thái hay tiếng Anh đều được: hồ sơ viết bằng ngôn ngữ khác cũng được tìm thấy qua cùng những từ đó.
search-query = Bạn đang tìm gì?
search-placeholder = ví dụ: bôi trơn, 潤滑, lubrication, xe nâng
search-button = Tìm
# How many records match. $count: a number.
search-found = Tìm thấy { $count } hồ sơ
search-nothing = Không tìm thấy. Hãy thử từ khác, ngôn ngữ khác, hoặc bớt bộ lọc.
search-empty = Hãy viết một hai từ, hoặc chọn loại, quốc gia hay lĩnh vực ở bên trái.
search-narrow = Thu hẹp
search-facet-kind = Loại
search-facet-country = Quốc gia
search-facet-sector = Lĩnh vực
search-facet-language = Ngôn ngữ
search-clear = Bỏ mọi bộ lọc
# A filter that is on; following it turns it off.
search-remove-filter = Bỏ bộ lọc này
search-translated = bản dịch
search-translated-hint = Hiển thị bằng ngôn ngữ của bạn; hồ sơ gốc được viết bằng ngôn ngữ khác.
search-matched = Khớp
search-previous = Trước
search-next = Tiếp
# $from, $to: positions of the first and the last result shown; $total: all results.
search-showing = { $from }–{ $to } trên { $total }
search-kinds-person = Người
search-kinds-organization = Tổ chức
search-kinds-event = Sự kiện
search-kinds-need = Nhu cầu
search-kinds-technology = Công nghệ
search-kinds-company = Doanh nghiệp
search-kinds-program = Chương trình
search-kinds-lesson = Bài học kinh nghiệm
search-kinds-question = Câu hỏi
