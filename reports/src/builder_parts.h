#pragma once
// Internal: pieces the document builders share, so a household or the
// objection rights read the same on every kind of document.

#include <string>
#include <vector>

#include "doudi/reports/documents.h"

namespace doudi::reports::detail {

Document NewDocument(const Issue& issue, std::string title, std::string subtitle);

// Two full-width spaces open a Chinese paragraph.
Paragraph Indented(std::string text);

// The household's basic facts (head, ID, region, address ...), IDs and the
// bank account masked.
FieldGrid HouseholdFacts(const HouseholdInput& household, const std::string& program,
                         std::chrono::year_month_day today);

// 序号, 姓名, 与户主关系, 身份证号 (masked), 性别, 年龄, 健康状况, 劳动能力, 月收入.
Table MembersTable(const std::vector<MemberInput>& members, std::chrono::year_month_day today);

// Each income line and a 合计 row.
Table IncomesTable(const std::vector<IncomeInput>& incomes);

model::Money TotalIncome(const HouseholdInput& household);

// "如不服本决定，可以自收到本决定书之日起60日内向……申请行政复议，或者在6个月内……提起行政诉讼。"
Paragraph ObjectionParagraph(const ObjectionRights& rights, std::string_view documentName);

// The amount's working, one line each, under a heading.
void AddWorking(Document& document, const std::vector<std::string>& working);

}  // namespace doudi::reports::detail
