"""The 21 level-1 sections (A–U) of the national industry classification VSIC 2018 (Decision 27/2018/QĐ-TTg),
each with its key, its Vietnamese and English names and the level-1 sector of GRDP it belongs to: the level
at which the Government's resolution 01/NQ-CP of 2026 asks provinces for growth scenarios by quarter
(contract §2). ``init --industries`` lays them out as children of the four sectors.
"""

from __future__ import annotations

SECTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("vsic_a", "agriculture", "Nông nghiệp, lâm nghiệp và thủy sản", "Agriculture, forestry and fishing"),
    ("vsic_b", "industry_construction", "Khai khoáng", "Mining and quarrying"),
    ("vsic_c", "industry_construction", "Công nghiệp chế biến, chế tạo", "Manufacturing"),
    (
        "vsic_d",
        "industry_construction",
        "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí",
        "Electricity, gas, steam and air conditioning supply",
    ),
    (
        "vsic_e",
        "industry_construction",
        "Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải",
        "Water supply; sewerage, waste management and remediation activities",
    ),
    ("vsic_f", "industry_construction", "Xây dựng", "Construction"),
    (
        "vsic_g",
        "services",
        "Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác",
        "Wholesale and retail trade; repair of motor vehicles and motorcycles",
    ),
    ("vsic_h", "services", "Vận tải kho bãi", "Transportation and storage"),
    ("vsic_i", "services", "Dịch vụ lưu trú và ăn uống", "Accommodation and food service activities"),
    ("vsic_j", "services", "Thông tin và truyền thông", "Information and communication"),
    ("vsic_k", "services", "Hoạt động tài chính, ngân hàng và bảo hiểm", "Financial, banking and insurance activities"),
    ("vsic_l", "services", "Hoạt động kinh doanh bất động sản", "Real estate activities"),
    (
        "vsic_m",
        "services",
        "Hoạt động chuyên môn, khoa học và công nghệ",
        "Professional, scientific and technical activities",
    ),
    ("vsic_n", "services", "Hoạt động hành chính và dịch vụ hỗ trợ", "Administrative and support service activities"),
    (
        "vsic_o",
        "services",
        "Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý nhà nước, an ninh quốc phòng; bảo đảm xã "
        "hội bắt buộc",
        "Activities of the Communist Party, socio-political organisations, public administration and defence; "
        "compulsory social security",
    ),
    ("vsic_p", "services", "Giáo dục và đào tạo", "Education and training"),
    ("vsic_q", "services", "Y tế và hoạt động trợ giúp xã hội", "Human health and social work activities"),
    ("vsic_r", "services", "Nghệ thuật, vui chơi và giải trí", "Arts, entertainment and recreation"),
    ("vsic_s", "services", "Hoạt động dịch vụ khác", "Other service activities"),
    (
        "vsic_t",
        "services",
        "Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và dịch vụ tự tiêu "
        "dùng của hộ gia đình",
        "Activities of households as employers and for own use",
    ),
    (
        "vsic_u",
        "services",
        "Hoạt động của các tổ chức và cơ quan quốc tế",
        "Activities of extraterritorial organisations",
    ),
)

#: Each section by its letter (A–U) and by its key.
BY_LETTER = {key.removeprefix("vsic_").upper(): (key, parent, vi, en) for key, parent, vi, en in SECTIONS}
