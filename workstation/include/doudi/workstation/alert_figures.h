#pragma once
// An alert's figures in sentences a desk reads. The database keeps every
// figure and limit a screening rule used as one JSON object per alert
// (dal::Alert::figuresJson, keys per rule in dal/schema/functions/
// screen_<rule>.sql). The alert's view gives, per rule, sentences in the
// interface's language whose {places} name those keys
// (gui/alerts/alert_text.cpp); what is decided here, without a window, is
// which sentences the figures can fill and how each value reads — money
// (keys ending in _fen) in yuan, codes in words — and that a figure no
// sentence names is still shown, as "key: value", so nothing the database
// said is hidden by a screen that does not know it yet.
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace doudi::workstation {

// The words for a figure's code value ("dibao" under "registry_status":
// "低保"); the value itself when there are none.
using FigureWords = std::function<std::string(std::string_view key, std::string_view value)>;

// How one figure reads: a value under a key ending in _fen, a whole number
// of fen, in yuan with separators ("23,512.40"); "" (JSON null) as it is;
// anything else through words (when given).
std::string FigureText(std::string_view key, std::string_view value, const FigureWords& words = {});

// The lines explaining figuresJson: each sentence, in the order given,
// whose places name only figures present and not null, filled with their
// texts (FigureText); then "key: value" for each figure, in key order,
// that is not null and that no sentence names (said or not). A text that is
// not a JSON object is one line as it is; an empty one, none.
std::vector<std::string> ExplainFigures(std::string_view figuresJson, std::span<const std::string> sentences,
                                        const FigureWords& words = {});

}  // namespace doudi::workstation
