"""Labels and number formatting in English and Vietnamese.

Vietnamese writes a decimal comma and a thousands point (10,01 %; 277.449 tỷ đồng). Machine formats
(json, csv) never go through here.
"""

from __future__ import annotations

import math
from enum import Enum


class Lang(str, Enum):
    en = "en"
    vi = "vi"


LABELS: dict[str, tuple[str, str]] = {
    # key: (en, vi)
    "grdp": ("GRDP", "GRDP"),
    "residual": ("Residual (published GRDP vs sectors)", "Chênh lệch (GRDP công bố so với các khu vực)"),
    "period": ("Period", "Kỳ"),
    "item": ("Item", "Chỉ tiêu"),
    "status": ("Status", "Trạng thái"),
    "actual": ("actual", "thực hiện"),
    "estimate": ("estimate", "ước tính"),
    "target": ("target", "kịch bản"),
    "derived": ("derived", "suy ra"),
    "mixed": ("mixed", "kết hợp"),
    "min": ("Goal (min)", "Mục tiêu (tối thiểu)"),
    "value": ("Value", "Giá trị"),
    "margin": ("Margin (pp)", "Chênh lệch (điểm %)"),
    "met": ("Met", "Đạt"),
    "yes": ("yes", "đạt"),
    "no": ("NO", "KHÔNG"),
    "na": ("–", "–"),
    "growth_title": ("Growth over the same period of {base} (%)", "Tốc độ tăng so với cùng kỳ năm {base} (%)"),
    "contrib_title": ("Contributions to GRDP growth (percentage points)",
                      "Đóng góp vào tăng trưởng GRDP (điểm phần trăm)"),
    "goals_title": ("Goals", "Mục tiêu"),
    "nominal_title": ("GRDP at current prices, {year}", "GRDP giá hiện hành năm {year}"),
    "sector": ("Sector", "Khu vực"),
    "nominal": ("Nominal (bn VND)", "Giá hiện hành (tỷ đồng)"),
    "share": ("Structure (%)", "Cơ cấu (%)"),
    "deflator": ("Deflator growth (%, assumed)", "Tăng chỉ số giá (%, giả định)"),
    "total": ("Total", "Tổng"),
    "per_capita": ("GRDP per capita (million VND)", "GRDP bình quân đầu người (triệu đồng)"),
    "population": ("Average population (assumed)", "Dân số trung bình (giả định)"),
    "implied": ("implied by the plan's FY nominal GRDP, structure and sector goals",
                "suy ra từ GRDP giá hiện hành, cơ cấu và mục tiêu các khu vực cả năm của kế hoạch"),
    "implied_pop": ("implied by the plan's FY nominal GRDP over its per-capita goal",
                    "suy ra từ GRDP giá hiện hành chia GRDP bình quân đầu người của kế hoạch"),
    "stated": ("stated in the targets file", "nêu trong tệp chỉ tiêu"),
    "verdict_met": ("GOAL MET: {period} GRDP growth {value} ≥ {min} (margin {margin} points)",
                    "ĐẠT MỤC TIÊU: tăng trưởng GRDP {period} {value} ≥ {min} (vượt {margin} điểm %)"),
    "verdict_missed": ("GOAL MISSED: {period} GRDP growth {value} < {min} (short by {margin} points)",
                       "KHÔNG ĐẠT MỤC TIÊU: tăng trưởng GRDP {period} {value} < {min} (thiếu {margin} điểm %)"),
    "no_headline": ("The plan sets no FY GRDP goal; {met} of {total} goals are met",
                    "Kế hoạch không đặt mục tiêu tăng trưởng GRDP cả năm; đạt {met}/{total} mục tiêu"),
    "verdict_strict_missed": ("STRICT: {n} other goal(s) missed: {items}",
                              "Xét mọi mục tiêu (--strict): {n} mục tiêu khác không đạt: {items}"),
    "missed_goals": ("Goals not met: {items}", "Các mục tiêu không đạt: {items}"),
    "unknown_goals": ("Goals that cannot be evaluated (the data do not give them): {items}",
                      "Mục tiêu chưa đánh giá được (số liệu không có): {items}"),
    "not_computable": ("Not computable: {items}", "Không tính được: {items}"),
    "residual_note": ("Published GRDP stands where its sectors, weighted by the base volumes, imply a slightly "
                      "different figure ({blocks} points); contributions carry the difference as a residual line.",
                      "Giữ số GRDP công bố khi bình quân gia quyền các khu vực theo quy mô năm gốc cho số hơi khác "
                      "({blocks} điểm %); phần chênh lệch được ghi thành dòng riêng trong bảng đóng góp."),
    "derived_note": ("{block} implied by the published figures ({source}): {rate}",
                     "{block} suy ra từ số liệu công bố ({source}): {rate}"),
    "weights_note": ("Weights: base-year volumes at constant prices from {file}.",
                     "Quyền số: quy mô năm gốc theo giá so sánh từ {file}."),
    # the analyst commands (views/analysis.py)
    "flag_impossible": ("impossible: below −100 %", "không thể: dưới −100 %"),
    "flag_above": ("{distance} points above the highest rate in the data ({bound})",
                   "cao hơn {distance} điểm % so với mức cao nhất trong số liệu ({bound})"),
    "flag_below": ("{distance} points below the lowest rate in the data ({bound})",
                   "thấp hơn {distance} điểm % so với mức thấp nhất trong số liệu ({bound})"),
    "whatif_title": ("What if", "Kịch bản giả định"),
    "whatif_table": ("Baseline → scenario (%)", "Cơ sở → kịch bản (%)"),
    "baseline": ("Baseline", "Cơ sở"),
    "scenario": ("Scenario", "Kịch bản"),
    "change_pp": ("Δ (pp)", "Δ (điểm %)"),
    "changes": ("Changes: {items}", "Thay đổi: {items}"),
    "baseline_verdict": ("Baseline: {text}", "Cơ sở: {text}"),
    "required_title": ("Required growth", "Mức cần đạt"),
    "required_met": ("{what} is {value}: already meets {goal} by {gap} points",
                     "{what} {value} đã đạt mục tiêu {goal} (dư {gap} điểm %)"),
    "required_gap": ("{what} is {value}: {gap} points short of {goal}",
                     "{what} {value}: còn thiếu {gap} điểm % so với mục tiêu {goal}"),
    "required_table": ("What each lever must reach if it alone closes the gap",
                       "Mức từng chỉ tiêu cần đạt nếu chỉ mình nó bù phần thiếu"),
    "lever": ("Lever", "Chỉ tiêu"),
    "now": ("Now (%)", "Hiện tại (%)"),
    "required": ("Required (%)", "Cần đạt (%)"),
    "change": ("Change (pp)", "Thay đổi (điểm %)"),
    "weight": ("Weight (pp per pp)", "Tác động (điểm/điểm)"),
    "warning": ("Warning", "Lưu ý"),
    "flagged_note": ("Flagged rates lie far outside any rate in the data: closing the gap with that lever alone is "
                     "not realistic.", "Các mức được đánh dấu nằm xa mọi tốc độ tăng trong số liệu: khó khả thi nếu "
                     "chỉ dựa vào một chỉ tiêu."),
    "sensitivity_title": ("Sensitivity", "Độ nhạy"),
    "sensitivity_table": ("Points of {what} per point of each lever, largest first",
                          "Số điểm % {what} tăng thêm khi mỗi chỉ tiêu tăng 1 điểm, lớn nhất trước"),
    "pp_per_pp": ("pp per pp", "điểm/điểm"),
    "sweep_title": ("Sweep", "Lưới kịch bản"),
    "points": ("Points", "Số điểm"),
    "share_meeting": ("Share meeting the goal", "Tỷ lệ đạt mục tiêu"),
    "boundary": ("Goal just met where", "Ranh giới đạt mục tiêu"),
    "sweep_summary": ("{points} points; {share} meet {what} ≥ {goal}", "{points} điểm; {share} đạt {what} ≥ {goal}"),
    "risk_title": ("Risk", "Rủi ro"),
    "risk_verdict": ("Probability that {what} ≥ {goal}: {probability}", "Xác suất {what} ≥ {goal}: {probability}"),
    "risk_mc": (" (Monte Carlo, {draws} draws: {probability})", " (Monte Carlo {draws} lần: {probability})"),
    "risk_table": ("Probability of each goal", "Xác suất đạt từng mục tiêu"),
    "mean": ("Mean", "Kỳ vọng"),
    "stdev": ("Std. dev.", "Độ lệch chuẩn"),
    "probability": ("Probability (%)", "Xác suất (%)"),
    "fan_title": ("Quantiles of {what} (%)", "Phân vị {what} (%)"),
    "quantile": ("Quantile", "Phân vị"),
    "risk_note": ("Standard deviations (points): {sds}; correlation {corr}; applied to: {rates}",
                  "Độ lệch chuẩn (điểm %): {sds}; tương quan {corr}; áp dụng cho: {rates}"),
    # the report (views/report.py)
    "report_title": ("GRDP growth report {year}: {region}", "Báo cáo tăng trưởng GRDP năm {year}: {region}"),
    "report_path": ("Quarterly path: plan and published (%)", "Diễn biến theo quý: kế hoạch và thực hiện (%)"),
    "report_plan": ("Plan", "Kế hoạch"),
    "report_outturn": ("Published / implied", "Thực hiện / suy ra"),
    "report_difference": ("Difference (pp)", "Chênh lệch (điểm %)"),
    "report_goal": ("Goal", "Mục tiêu"),
    "report_now": ("Now (%)", "Hiện tại (%)"),
    "report_required": ("Required (%)", "Cần đạt (%)"),
    "report_need": ("What the remaining quarters need for {goal} in {period}", "Các quý còn lại cần đạt để {period} đạt {goal}"),
    "report_closed": ("No quarter is left to move: every block of the year is published.",
               "Không còn quý nào để điều chỉnh: tất cả các quý đã có số liệu."),
    "report_contrib_chart": ("Contributions to {period} GRDP growth by sector (points)",
                      "Đóng góp vào tăng trưởng GRDP {period} theo khu vực (điểm %)"),
}


PERIOD_VI = {"Q1": "Quý I", "Q2": "Quý II", "Q3": "Quý III", "Q4": "Quý IV", "H1": "6 tháng đầu năm",
             "H2": "6 tháng cuối năm", "9M": "9 tháng", "FY": "Cả năm"}


def period_label(period: str, lang: Lang | str) -> str:
    return PERIOD_VI.get(period, period) if Lang(lang) is Lang.vi else period


def label(key: str, lang: Lang | str = Lang.en, **fields: object) -> str:
    en, vi = LABELS[key]
    text = vi if Lang(lang) is Lang.vi else en
    return text.format(**fields) if fields else text


def sector_label(sector, lang: Lang | str) -> str:
    return sector.vi if Lang(lang) is Lang.vi else sector.en


def number(value: float | None, decimals: int = 2, lang: Lang | str = Lang.en, sign: bool = False,
           grouping: bool = False) -> str:
    """12345.678 → '12,345.68' (en) or '12.345,68' (vi)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return label("na", lang)
    if decimals and round(value, decimals) == 0:
        value = 0.0  # never print "-0.00"
    spec = f"{'+' if sign else ''}{',' if grouping else ''}.{decimals}f"
    text = format(value, spec)
    if Lang(lang) is Lang.vi:
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text.replace("-", "−")


def percent(value: float | None, lang: Lang | str = Lang.en, decimals: int = 2) -> str:
    return number(value, decimals, lang) + ("" if value is None else " %")
