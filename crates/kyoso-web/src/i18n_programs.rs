//! The texts of the program pages, in the four languages of the interface.
//!
//! Kept apart from [`crate::i18n::Texts`] so that each part of the interface
//! reads as one list per language; like those, every text is a field, so a
//! missing translation is a compile error.

use kyoso_domain::{DevelopmentStage, FundingSource, JourneyState, ParticipantRole, ProgramType};

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
    pub(crate) overdue_hint: &'static str,
    pub(crate) nothing_waiting: &'static str,
    pub(crate) since: &'static str,
    pub(crate) provider: &'static str,
    pub(crate) technology: &'static str,
    pub(crate) local_partner: &'static str,
    pub(crate) milestones: &'static str,
    pub(crate) results: &'static str,
    pub(crate) state_names: [&'static str; 9],
    pub(crate) role_names: [&'static str; 6],
    pub(crate) type_names: [&'static str; 8],
    pub(crate) stage_names: [&'static str; 4],
    pub(crate) source_names: [&'static str; 3],
}

impl ProgramTexts {
    pub(crate) fn state(&self, state: JourneyState) -> &'static str {
        let index = JourneyState::ALL
            .iter()
            .position(|s| *s == state)
            .unwrap_or(0);
        self.state_names[index]
    }

    pub(crate) fn role(&self, role: ParticipantRole) -> &'static str {
        let index = ParticipantRole::ALL
            .iter()
            .position(|r| *r == role)
            .unwrap_or(0);
        self.role_names[index]
    }

    pub(crate) fn program_type(&self, kind: ProgramType) -> &'static str {
        let index = ProgramType::ALL
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(0);
        self.type_names[index]
    }

    pub(crate) fn stage(&self, stage: DevelopmentStage) -> &'static str {
        let index = DevelopmentStage::ALL
            .iter()
            .position(|s| *s == stage)
            .unwrap_or(0);
        self.stage_names[index]
    }

    pub(crate) fn source(&self, source: FundingSource) -> &'static str {
        let index = FundingSource::ALL
            .iter()
            .position(|s| *s == source)
            .unwrap_or(0);
        self.source_names[index]
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
    overdue_hint: "Returned more than six months ago and not followed up since.",
    nothing_waiting: "Nothing is waiting.",
    since: "since",
    provider: "Technology provider",
    technology: "Technology",
    local_partner: "Local partner",
    milestones: "Milestones",
    results: "Results",
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
    overdue_hint: "帰国から6か月以上たち、その後フォローアップしていない参加者です。",
    nothing_waiting: "対応待ちはありません。",
    since: "から",
    provider: "技術提供企業",
    technology: "技術",
    local_partner: "現地パートナー",
    milestones: "マイルストーン",
    results: "成果",
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
    overdue_hint: "กลับประเทศมาแล้วเกินหกเดือนและยังไม่ได้ติดตามผล",
    nothing_waiting: "ไม่มีงานค้าง",
    since: "ตั้งแต่",
    provider: "ผู้ให้เทคโนโลยี",
    technology: "เทคโนโลยี",
    local_partner: "พันธมิตรในประเทศ",
    milestones: "หมุดหมาย",
    results: "ผลลัพธ์",
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
    overdue_hint: "Đã về nước hơn sáu tháng và chưa được theo dõi từ đó.",
    nothing_waiting: "Không có việc nào đang chờ.",
    since: "từ",
    provider: "Đơn vị cung cấp công nghệ",
    technology: "Công nghệ",
    local_partner: "Đối tác địa phương",
    milestones: "Các mốc",
    results: "Kết quả",
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
