//! The texts of the program pages, in the four languages of the interface.
//!
//! Kept apart from [`crate::i18n::Texts`] so that each part of the interface
//! reads as one list per language; like those, every text is a field, so a
//! missing translation is a compile error.

use kyoso_domain::{
    DevelopmentStage, FollowUpChannel, FollowUpStatus, FundingSource, GrievanceCategory,
    GrievanceStatus, JourneyState, OutcomeKind, ParticipantRole, ProgramType,
};

use crate::i18n::Lang;

#[derive(Debug)]
pub(crate) struct ProgramTexts {
    pub(crate) programs: &'static str,
    pub(crate) program_type: &'static str,
    pub(crate) organizer: &'static str,
    pub(crate) partners: &'static str,
    pub(crate) funders: &'static str,
    pub(crate) budget: &'static str,
    pub(crate) stage: &'static str,
    pub(crate) sdgs: &'static str,
    pub(crate) countries: &'static str,
    pub(crate) period: &'static str,
    pub(crate) cohorts: &'static str,
    pub(crate) capacity: &'static str,
    pub(crate) by_state: &'static str,
    pub(crate) no_participants: &'static str,
    pub(crate) no_programs: &'static str,
    pub(crate) board: &'static str,
    pub(crate) journey: &'static str,
    pub(crate) move_to: &'static str,
    pub(crate) move_button: &'static str,
    pub(crate) on_date: &'static str,
    pub(crate) retract: &'static str,
    pub(crate) reason: &'static str,
    pub(crate) retracted: &'static str,
    pub(crate) retraction_of: &'static str,
    pub(crate) recorded_by: &'static str,
    pub(crate) work_list: &'static str,
    pub(crate) applications: &'static str,
    pub(crate) overdue: &'static str,
    /// Holds `{months}`, the follow-up period shown.
    pub(crate) overdue_hint: &'static str,
    pub(crate) follow_up_months: &'static str,
    pub(crate) show: &'static str,
    pub(crate) nothing_waiting: &'static str,
    pub(crate) since: &'static str,
    pub(crate) provider: &'static str,
    pub(crate) technology: &'static str,
    pub(crate) local_partner: &'static str,
    pub(crate) milestones: &'static str,
    pub(crate) results: &'static str,
    pub(crate) placements: &'static str,
    pub(crate) phase: &'static str,
    pub(crate) supervising: &'static str,
    pub(crate) implementing: &'static str,
    pub(crate) job_category: &'static str,
    pub(crate) visits: &'static str,
    pub(crate) findings: &'static str,
    pub(crate) actions: &'static str,
    pub(crate) grievances: &'static str,
    pub(crate) raise_grievance: &'static str,
    pub(crate) grievance_private: &'static str,
    pub(crate) category: &'static str,
    pub(crate) description: &'static str,
    pub(crate) status: &'static str,
    pub(crate) follow_ups: &'static str,
    pub(crate) channel: &'static str,
    pub(crate) outcomes: &'static str,
    pub(crate) outcome: &'static str,
    pub(crate) organization: &'static str,
    pub(crate) japanese_affiliated: &'static str,
    pub(crate) jobs_created: &'static str,
    pub(crate) people_supported: &'static str,
    pub(crate) record: &'static str,
    pub(crate) open_grievances: &'static str,
    pub(crate) category_names: [&'static str; 8],
    pub(crate) grievance_status_names: [&'static str; 4],
    pub(crate) channel_names: [&'static str; 6],
    pub(crate) follow_up_status_names: [&'static str; 3],
    pub(crate) outcome_names: [&'static str; 5],
    pub(crate) state_names: [&'static str; 9],
    pub(crate) role_names: [&'static str; 6],
    pub(crate) type_names: [&'static str; 8],
    pub(crate) stage_names: [&'static str; 4],
    pub(crate) source_names: [&'static str; 3],
}

/// The name of `value`, from `names` listed in the order of `all`.
fn pick<T: PartialEq>(all: &[T], names: &[&'static str], value: T) -> &'static str {
    let index = all.iter().position(|v| *v == value).unwrap_or(0);
    names.get(index).copied().unwrap_or_default()
}

impl ProgramTexts {
    pub(crate) fn state(&self, state: JourneyState) -> &'static str {
        pick(JourneyState::ALL, &self.state_names, state)
    }

    pub(crate) fn role(&self, role: ParticipantRole) -> &'static str {
        pick(ParticipantRole::ALL, &self.role_names, role)
    }

    pub(crate) fn program_type(&self, kind: ProgramType) -> &'static str {
        pick(ProgramType::ALL, &self.type_names, kind)
    }

    pub(crate) fn stage(&self, stage: DevelopmentStage) -> &'static str {
        pick(DevelopmentStage::ALL, &self.stage_names, stage)
    }

    pub(crate) fn category(&self, category: GrievanceCategory) -> &'static str {
        pick(GrievanceCategory::ALL, &self.category_names, category)
    }

    pub(crate) fn grievance_status(&self, status: GrievanceStatus) -> &'static str {
        pick(GrievanceStatus::ALL, &self.grievance_status_names, status)
    }

    pub(crate) fn channel(&self, channel: FollowUpChannel) -> &'static str {
        pick(FollowUpChannel::ALL, &self.channel_names, channel)
    }

    pub(crate) fn follow_up_status(&self, status: FollowUpStatus) -> &'static str {
        pick(FollowUpStatus::ALL, &self.follow_up_status_names, status)
    }

    pub(crate) fn outcome(&self, kind: OutcomeKind) -> &'static str {
        pick(OutcomeKind::ALL, &self.outcome_names, kind)
    }

    pub(crate) fn source(&self, source: FundingSource) -> &'static str {
        pick(FundingSource::ALL, &self.source_names, source)
    }
}

impl Lang {
    pub(crate) fn program_texts(&self) -> &'static ProgramTexts {
        match self {
            Lang::En => &EN,
            Lang::Ja => &JA,
            Lang::Th => &TH,
            Lang::Vi => &VI,
        }
    }
}

static EN: ProgramTexts = ProgramTexts {
    programs: "Programs",
    program_type: "Type",
    organizer: "Organizer",
    partners: "Partners",
    funders: "Funding",
    budget: "Budget",
    stage: "Development stage",
    sdgs: "SDGs",
    countries: "Countries",
    period: "Period",
    cohorts: "Cohorts",
    capacity: "Places",
    by_state: "Participants by stage",
    no_participants: "No participants yet.",
    no_programs: "No programs to show.",
    board: "Board",
    journey: "Journey",
    move_to: "Move to",
    move_button: "Move",
    on_date: "Date",
    retract: "Retract the last step",
    reason: "Reason",
    retracted: "retracted",
    retraction_of: "Retraction of step",
    recorded_by: "recorded by",
    work_list: "Work list",
    applications: "Applications to review",
    overdue: "Follow-ups overdue",
    overdue_hint: "Returned, or last followed up, more than {months} months ago.",
    follow_up_months: "Overdue after (months)",
    show: "Show",
    nothing_waiting: "Nothing is waiting.",
    since: "since",
    provider: "Technology provider",
    technology: "Technology",
    local_partner: "Local partner",
    milestones: "Milestones",
    results: "Results",
    placements: "Technical intern training placements",
    phase: "Phase",
    supervising: "Supervising organization",
    implementing: "Host company",
    job_category: "Job category",
    visits: "Monitoring visits",
    findings: "Findings",
    actions: "Follow-up actions",
    grievances: "Grievances",
    raise_grievance: "Raise a grievance",
    grievance_private: "Only the trainee, the supervising organization's officers and administrators see grievances.",
    category: "Category",
    description: "What happened",
    status: "Status",
    follow_ups: "Follow-ups",
    channel: "Channel",
    outcomes: "Outcomes",
    outcome: "Outcome",
    organization: "Organization",
    japanese_affiliated: "Japanese-affiliated employer",
    jobs_created: "Jobs created",
    people_supported: "People supported",
    record: "Record",
    open_grievances: "Open grievances",
    category_names: [
        "Wages",
        "Working hours",
        "Safety",
        "Housing",
        "Harassment",
        "Contract",
        "Health",
        "Other",
    ],
    grievance_status_names: ["Open", "In progress", "Resolved", "Closed"],
    channel_names: ["Visit", "Phone", "Email", "Online", "Survey", "Event"],
    follow_up_status_names: ["Reached", "Unreachable", "Declined"],
    outcome_names: [
        "Employed",
        "Promoted",
        "Founded an enterprise",
        "Became a trainer or lecturer",
        "Contributed knowledge",
    ],
    state_names: [
        "Applied",
        "Selected",
        "Pre-departure",
        "In training",
        "Completed",
        "Returned",
        "Follow-up",
        "Withdrawn",
        "Not selected",
    ],
    role_names: [
        "Trainee",
        "Intern",
        "Technical intern",
        "Expert",
        "Mentor",
        "Lecturer",
    ],
    type_names: [
        "Training in Japan",
        "Overseas training",
        "Expert dispatch",
        "Internship",
        "Technical intern training (TITP)",
        "Technology demonstration",
        "Pre-departure training",
        "Seminar series",
    ],
    stage_names: ["Technology transfer", "Promotion", "Diffusion", "Education"],
    source_names: ["ODA", "Private", "kyoso fund"],
};

static JA: ProgramTexts = ProgramTexts {
    programs: "プログラム",
    program_type: "種別",
    organizer: "主催",
    partners: "パートナー",
    funders: "資金",
    budget: "予算",
    stage: "発展段階",
    sdgs: "SDGs",
    countries: "対象国",
    period: "期間",
    cohorts: "実施期（コホート）",
    capacity: "定員",
    by_state: "段階別の参加者",
    no_participants: "参加者はまだいません。",
    no_programs: "表示できるプログラムはありません。",
    board: "ボード",
    journey: "参加の経過",
    move_to: "次の段階",
    move_button: "進める",
    on_date: "日付",
    retract: "直前の記録を取り消す",
    reason: "理由",
    retracted: "取消済み",
    retraction_of: "取り消した記録",
    recorded_by: "記録者",
    work_list: "業務リスト",
    applications: "審査待ちの応募",
    overdue: "期限を過ぎたフォローアップ",
    overdue_hint: "帰国または最後のフォローアップから{months}か月以上たった参加者です。",
    follow_up_months: "期限（か月）",
    show: "表示",
    nothing_waiting: "対応待ちはありません。",
    since: "から",
    provider: "技術提供企業",
    technology: "技術",
    local_partner: "現地パートナー",
    milestones: "マイルストーン",
    results: "成果",
    placements: "技能実習の実習先",
    phase: "段階",
    supervising: "監理団体",
    implementing: "実習実施者",
    job_category: "職種・作業",
    visits: "監査・訪問指導",
    findings: "確認事項",
    actions: "改善措置",
    grievances: "相談・苦情",
    raise_grievance: "相談・苦情を申し出る",
    grievance_private: "相談・苦情を見られるのは、実習生本人、監理団体の担当者、管理者だけです。",
    category: "分類",
    description: "内容",
    status: "状況",
    follow_ups: "帰国後フォローアップ",
    channel: "方法",
    outcomes: "帰国後の成果",
    outcome: "成果",
    organization: "組織",
    japanese_affiliated: "日系企業",
    jobs_created: "創出した雇用",
    people_supported: "支えている人数",
    record: "記録する",
    open_grievances: "未解決の相談・苦情",
    category_names: [
        "賃金",
        "労働時間",
        "安全",
        "住居",
        "ハラスメント",
        "契約",
        "健康",
        "その他",
    ],
    grievance_status_names: ["受付", "対応中", "解決", "終了"],
    channel_names: ["訪問", "電話", "メール", "オンライン", "アンケート", "行事"],
    follow_up_status_names: ["連絡できた", "連絡がつかない", "辞退"],
    outcome_names: ["就職", "昇進", "起業", "研修講師になった", "知識を共有した"],
    state_names: [
        "応募",
        "選考通過",
        "渡航前研修",
        "研修中",
        "修了",
        "帰国",
        "フォローアップ",
        "辞退",
        "不採用",
    ],
    role_names: [
        "研修生",
        "インターン",
        "技能実習生",
        "専門家",
        "メンター",
        "講師",
    ],
    type_names: [
        "訪日研修",
        "海外研修",
        "専門家派遣",
        "インターンシップ",
        "技能実習（TITP）",
        "技術実証事業",
        "渡航前研修",
        "セミナーシリーズ",
    ],
    stage_names: ["技術移転", "普及促進", "普及・拡大", "教育"],
    source_names: ["ODA", "民間", "kyoso基金"],
};

static TH: ProgramTexts = ProgramTexts {
    programs: "โครงการ",
    program_type: "ประเภท",
    organizer: "ผู้จัด",
    partners: "พันธมิตร",
    funders: "แหล่งทุน",
    budget: "งบประมาณ",
    stage: "ระยะการพัฒนา",
    sdgs: "เป้าหมาย SDGs",
    countries: "ประเทศ",
    period: "ระยะเวลา",
    cohorts: "รุ่น",
    capacity: "จำนวนที่รับ",
    by_state: "ผู้เข้าร่วมตามขั้นตอน",
    no_participants: "ยังไม่มีผู้เข้าร่วม",
    no_programs: "ไม่มีโครงการที่จะแสดง",
    board: "กระดาน",
    journey: "เส้นทางการเข้าร่วม",
    move_to: "ขั้นตอนถัดไป",
    move_button: "ย้าย",
    on_date: "วันที่",
    retract: "ยกเลิกขั้นตอนล่าสุด",
    reason: "เหตุผล",
    retracted: "ถูกยกเลิก",
    retraction_of: "ยกเลิกขั้นตอนที่",
    recorded_by: "บันทึกโดย",
    work_list: "รายการงาน",
    applications: "ใบสมัครที่รอพิจารณา",
    overdue: "การติดตามผลที่เลยกำหนด",
    overdue_hint: "กลับประเทศหรือติดตามผลครั้งล่าสุดมาแล้วเกิน {months} เดือน",
    follow_up_months: "เลยกำหนดหลัง (เดือน)",
    show: "แสดง",
    nothing_waiting: "ไม่มีงานค้าง",
    since: "ตั้งแต่",
    provider: "ผู้ให้เทคโนโลยี",
    technology: "เทคโนโลยี",
    local_partner: "พันธมิตรในประเทศ",
    milestones: "หมุดหมาย",
    results: "ผลลัพธ์",
    placements: "สถานที่ฝึกปฏิบัติงานทางเทคนิค",
    phase: "ระยะ",
    supervising: "องค์กรกำกับดูแล",
    implementing: "บริษัทที่รับฝึก",
    job_category: "ประเภทงาน",
    visits: "การตรวจเยี่ยม",
    findings: "สิ่งที่พบ",
    actions: "การดำเนินการแก้ไข",
    grievances: "ข้อร้องเรียน",
    raise_grievance: "ยื่นข้อร้องเรียน",
    grievance_private: "ข้อร้องเรียนเห็นได้เฉพาะผู้ฝึกงาน เจ้าหน้าที่ขององค์กรกำกับดูแล และผู้ดูแลระบบเท่านั้น",
    category: "หมวด",
    description: "สิ่งที่เกิดขึ้น",
    status: "สถานะ",
    follow_ups: "การติดตามผลหลังกลับประเทศ",
    channel: "ช่องทาง",
    outcomes: "ผลลัพธ์หลังกลับประเทศ",
    outcome: "ผลลัพธ์",
    organization: "องค์กร",
    japanese_affiliated: "นายจ้างเป็นบริษัทญี่ปุ่น",
    jobs_created: "จำนวนงานที่สร้าง",
    people_supported: "จำนวนคนที่ได้รับการดูแล",
    record: "บันทึก",
    open_grievances: "ข้อร้องเรียนที่ยังไม่ยุติ",
    category_names: [
        "ค่าจ้าง",
        "ชั่วโมงทำงาน",
        "ความปลอดภัย",
        "ที่พัก",
        "การคุกคาม",
        "สัญญาจ้าง",
        "สุขภาพ",
        "อื่น ๆ",
    ],
    grievance_status_names: ["เปิด", "กำลังดำเนินการ", "แก้ไขแล้ว", "ปิด"],
    channel_names: ["เยี่ยม", "โทรศัพท์", "อีเมล", "ออนไลน์", "แบบสำรวจ", "กิจกรรม"],
    follow_up_status_names: ["ติดต่อได้", "ติดต่อไม่ได้", "ปฏิเสธ"],
    outcome_names: [
        "ได้งานทำ",
        "ได้เลื่อนตำแหน่ง",
        "ก่อตั้งกิจการ",
        "เป็นวิทยากรหรือผู้สอน",
        "ถ่ายทอดความรู้",
    ],
    state_names: [
        "สมัครแล้ว",
        "ได้รับคัดเลือก",
        "อบรมก่อนเดินทาง",
        "กำลังฝึกอบรม",
        "สำเร็จหลักสูตร",
        "กลับประเทศแล้ว",
        "ติดตามผล",
        "ถอนตัว",
        "ไม่ผ่านการคัดเลือก",
    ],
    role_names: [
        "ผู้รับการฝึกอบรม",
        "นักศึกษาฝึกงาน",
        "ผู้ฝึกปฏิบัติงานทางเทคนิค",
        "ผู้เชี่ยวชาญ",
        "พี่เลี้ยง",
        "วิทยากร",
    ],
    type_names: [
        "ฝึกอบรมที่ญี่ปุ่น",
        "ฝึกอบรมนอกญี่ปุ่น",
        "ส่งผู้เชี่ยวชาญ",
        "ฝึกงาน",
        "การฝึกปฏิบัติงานทางเทคนิค (TITP)",
        "โครงการสาธิตเทคโนโลยี",
        "อบรมก่อนเดินทาง",
        "ชุดสัมมนา",
    ],
    stage_names: ["การถ่ายทอดเทคโนโลยี", "การส่งเสริม", "การเผยแพร่", "การศึกษา"],
    source_names: ["ODA", "ภาคเอกชน", "กองทุน kyoso"],
};

static VI: ProgramTexts = ProgramTexts {
    programs: "Chương trình",
    program_type: "Loại",
    organizer: "Đơn vị tổ chức",
    partners: "Đối tác",
    funders: "Nguồn tài trợ",
    budget: "Ngân sách",
    stage: "Giai đoạn phát triển",
    sdgs: "Mục tiêu SDGs",
    countries: "Quốc gia",
    period: "Thời gian",
    cohorts: "Khóa",
    capacity: "Chỉ tiêu",
    by_state: "Người tham gia theo giai đoạn",
    no_participants: "Chưa có người tham gia.",
    no_programs: "Không có chương trình nào để hiển thị.",
    board: "Bảng",
    journey: "Hành trình tham gia",
    move_to: "Bước tiếp theo",
    move_button: "Chuyển",
    on_date: "Ngày",
    retract: "Hủy bước gần nhất",
    reason: "Lý do",
    retracted: "đã hủy",
    retraction_of: "Hủy bước",
    recorded_by: "ghi bởi",
    work_list: "Danh sách công việc",
    applications: "Hồ sơ chờ xét duyệt",
    overdue: "Theo dõi quá hạn",
    overdue_hint: "Đã về nước, hoặc được theo dõi lần cuối, hơn {months} tháng trước.",
    follow_up_months: "Quá hạn sau (tháng)",
    show: "Hiển thị",
    nothing_waiting: "Không có việc nào đang chờ.",
    since: "từ",
    provider: "Đơn vị cung cấp công nghệ",
    technology: "Công nghệ",
    local_partner: "Đối tác địa phương",
    milestones: "Các mốc",
    results: "Kết quả",
    placements: "Nơi thực tập kỹ năng",
    phase: "Giai đoạn",
    supervising: "Nghiệp đoàn quản lý",
    implementing: "Công ty tiếp nhận",
    job_category: "Ngành nghề",
    visits: "Kiểm tra định kỳ",
    findings: "Phát hiện",
    actions: "Biện pháp khắc phục",
    grievances: "Khiếu nại",
    raise_grievance: "Gửi khiếu nại",
    grievance_private: "Chỉ thực tập sinh, cán bộ nghiệp đoàn quản lý và quản trị viên được xem khiếu nại.",
    category: "Loại",
    description: "Nội dung",
    status: "Trạng thái",
    follow_ups: "Theo dõi sau khi về nước",
    channel: "Hình thức",
    outcomes: "Kết quả sau khi về nước",
    outcome: "Kết quả",
    organization: "Tổ chức",
    japanese_affiliated: "Doanh nghiệp Nhật Bản",
    jobs_created: "Việc làm tạo ra",
    people_supported: "Số người được hỗ trợ",
    record: "Ghi lại",
    open_grievances: "Khiếu nại chưa giải quyết",
    category_names: [
        "Tiền lương",
        "Giờ làm việc",
        "An toàn",
        "Nhà ở",
        "Quấy rối",
        "Hợp đồng",
        "Sức khỏe",
        "Khác",
    ],
    grievance_status_names: ["Mới", "Đang xử lý", "Đã giải quyết", "Đã đóng"],
    channel_names: [
        "Thăm",
        "Điện thoại",
        "Email",
        "Trực tuyến",
        "Khảo sát",
        "Sự kiện",
    ],
    follow_up_status_names: ["Liên lạc được", "Không liên lạc được", "Từ chối"],
    outcome_names: [
        "Có việc làm",
        "Được thăng chức",
        "Thành lập doanh nghiệp",
        "Trở thành giảng viên",
        "Chia sẻ kiến thức",
    ],
    state_names: [
        "Đã nộp đơn",
        "Được chọn",
        "Trước xuất cảnh",
        "Đang đào tạo",
        "Hoàn thành",
        "Đã về nước",
        "Theo dõi sau",
        "Rút lui",
        "Không được chọn",
    ],
    role_names: [
        "Học viên",
        "Thực tập sinh",
        "Thực tập sinh kỹ năng",
        "Chuyên gia",
        "Người hướng dẫn",
        "Giảng viên",
    ],
    type_names: [
        "Đào tạo tại Nhật Bản",
        "Đào tạo ngoài Nhật Bản",
        "Cử chuyên gia",
        "Thực tập",
        "Thực tập kỹ năng (TITP)",
        "Dự án trình diễn công nghệ",
        "Đào tạo trước xuất cảnh",
        "Chuỗi hội thảo",
    ],
    stage_names: ["Chuyển giao công nghệ", "Thúc đẩy", "Lan tỏa", "Giáo dục"],
    source_names: ["ODA", "Tư nhân", "Quỹ kyoso"],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_role_type_and_stage_has_a_name_in_every_language() {
        assert_eq!(JourneyState::ALL.len(), EN.state_names.len());
        assert_eq!(ParticipantRole::ALL.len(), EN.role_names.len());
        assert_eq!(ProgramType::ALL.len(), EN.type_names.len());
        assert_eq!(DevelopmentStage::ALL.len(), EN.stage_names.len());
        assert_eq!(FundingSource::ALL.len(), EN.source_names.len());
        assert_eq!(GrievanceCategory::ALL.len(), EN.category_names.len());
        assert_eq!(GrievanceStatus::ALL.len(), EN.grievance_status_names.len());
        assert_eq!(FollowUpChannel::ALL.len(), EN.channel_names.len());
        assert_eq!(FollowUpStatus::ALL.len(), EN.follow_up_status_names.len());
        assert_eq!(OutcomeKind::ALL.len(), EN.outcome_names.len());
        for lang in Lang::ALL {
            let t = lang.program_texts();
            for state in JourneyState::ALL {
                assert!(!t.state(*state).is_empty());
            }
            assert_eq!(t.state(JourneyState::Rejected), t.state_names[8]);
        }
        assert_eq!(JA.state(JourneyState::Completed), "修了");
    }
}
