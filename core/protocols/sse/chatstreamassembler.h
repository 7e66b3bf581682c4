// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/sse/sseevent.h"

#include <nlohmann/json.hpp>

#include <string>

namespace petstore::core {

// Rebuilds a streamed chat answer from its events (OpenAI-style `chat.completion.chunk` data,
// camelCase or snake_case members), so a console can show the text growing token by token.
class ChatStreamAssembler
{
public:
    // Takes one event; returns the text it added (empty for role, final and non-chat events).
    std::string add(const SseEvent &event);
    void reset() { *this = ChatStreamAssembler(); }

    bool isChatStream() const { return m_chunks > 0; }
    const std::string &text() const { return m_text; }
    const std::string &finishReason() const { return m_finishReason; }
    const nlohmann::json &usage() const { return m_usage; }   // null until the last chunk
    bool done() const { return m_done; }                       // `data: [DONE]` arrived
    std::size_t chunks() const { return m_chunks; }

private:
    std::string m_text;
    std::string m_finishReason;
    nlohmann::json m_usage;
    std::size_t m_chunks = 0;
    bool m_done = false;
};

} // namespace petstore::core
