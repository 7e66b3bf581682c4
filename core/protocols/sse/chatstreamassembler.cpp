// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/sse/chatstreamassembler.h"

namespace petstore::core {

std::string ChatStreamAssembler::add(const SseEvent &event)
{
    if (event.data == "[DONE]") {
        m_done = true;
        return {};
    }
    const nlohmann::json chunk = nlohmann::json::parse(event.data, nullptr, false);
    // Any JSON may arrive: check types before reading, nothing here may throw.
    const auto object = chunk.is_object() ? chunk.find("object") : chunk.end();
    if (object == chunk.end() || *object != "chat.completion.chunk")
        return {};
    ++m_chunks;
    if (chunk.contains("usage") && chunk.at("usage").is_object())
        m_usage = chunk.at("usage");
    const nlohmann::json choices = chunk.value("choices", nlohmann::json::array());
    if (!choices.is_array() || choices.empty() || !choices.front().is_object())
        return {};
    const nlohmann::json &choice = choices.front();
    for (const char *name : {"finishReason", "finish_reason"})
        if (choice.contains(name) && choice.at(name).is_string())
            m_finishReason = choice.at(name).get<std::string>();
    const nlohmann::json delta = choice.value("delta", nlohmann::json::object());
    if (!delta.is_object() || !delta.contains("content") || !delta.at("content").is_string())
        return {};
    const std::string piece = delta.at("content").get<std::string>();
    m_text += piece;
    return piece;
}

} // namespace petstore::core
