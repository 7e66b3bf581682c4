// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/rest/restchatroutes.h"

#include "mock-server/rest/petadvisor.h"
#include "mock-server/rest/restreply.h"
#include "mock-server/sse/chatcompletionstream.h"

#include <cctype>
#include <cstdint>
#include <memory>

namespace petstore::mock {

namespace {

using nlohmann::json;

// The mock's "tokens" are whitespace-separated words: no tokenizer pretends to be a real
// model's, and the usage numbers stay easy to check by hand.
std::size_t countWords(const std::string &text)
{
    std::size_t words = 0;
    bool inWord = false;
    for (unsigned char c : text) {
        const bool space = std::isspace(c) != 0;
        if (!space && !inWord)
            ++words;
        inWord = !space;
    }
    return words;
}

// `text` cut after its first `words` words (trailing whitespace dropped).
std::string firstWords(const std::string &text, std::size_t words)
{
    std::size_t seen = 0;
    bool inWord = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool space = std::isspace(static_cast<unsigned char>(text[i])) != 0;
        if (space && inWord && ++seen == words)
            return text.substr(0, i);
        inWord = !space;
    }
    return text;
}

core::HttpResponse createChatCompletion(HttpExchange &exchange, const RestEnvironment &environment,
                                        std::uint64_t &completionCount)
{
    // The ChatCompletionRequest schema already admits only model `pet-advisor-1` and messages
    // of {role, content} strings.
    const json &body = exchange.body;
    const json &messages = body.at("messages");
    std::size_t promptTokens = 0;
    const json *question = nullptr;
    for (const json &message : messages) {
        promptTokens += countWords(message.value("content", std::string()));
        if (message.value("role", std::string()) == "user")
            question = &message;
    }
    if (!question)
        return RestReply::error(core::Error::make(core::ErrorKind::Validation, "there is no question to answer",
                                                  {{"/messages", "must contain a message with role user", "required"}}),
                                exchange);

    std::string content = PetAdvisor::answer(*exchange.store, question->value("content", std::string()));
    std::size_t completionTokens = countWords(content);
    std::string finishReason = "stop";
    // OpenAI semantics: an answer cut at maxTokens ends with finishReason "length".
    if (body.contains("maxTokens")) {
        const std::size_t maxTokens = body.at("maxTokens").get<std::size_t>();
        if (completionTokens > maxTokens) {
            content = firstWords(content, maxTokens);
            completionTokens = maxTokens;
            finishReason = "length";
        }
    }
    // `temperature` is accepted and ignored: the advisor is deterministic by design.
    const json usage = {{"promptTokens", promptTokens},
                        {"completionTokens", completionTokens},
                        {"totalTokens", promptTokens + completionTokens}};
    const std::string id = "chatcmpl-" + std::to_string(++completionCount);
    if (body.value("stream", false)) {
        ChatCompletionStream::Answer answer{id, body.at("model").get<std::string>(), environment.unixSeconds(),
                                            ChatCompletionStream::tokenize(content), finishReason, usage};
        const int delayMs = environment.config->streaming.chatTokenDelayMs;
        QObject *owner = environment.timerContext;
        exchange.streamBody = [answer, delayMs, owner](HttpResponseStream &stream) {
            new ChatCompletionStream(stream, answer, delayMs, owner);
        };
        core::HttpResponse response;
        response.addHeader("Content-Type", "text/event-stream; charset=utf-8");
        response.addHeader("Cache-Control", "no-store");
        response.addHeader("X-Accel-Buffering", "no");
        return response;
    }
    return RestReply::json(200, {
        {"id", id},
        {"object", "chat.completion"},
        {"created", environment.unixSeconds()},
        {"model", body.at("model")},
        {"choices", json::array({{{"index", 0},
                                  {"message", {{"role", "assistant"}, {"content", content}}},
                                  {"finishReason", finishReason}}})},
        {"usage", usage},
    });
}

} // namespace

void RestChatRoutes::install(RestRouter &router, const RestEnvironment &environment)
{
    // Completion ids count up per server run; handlers run on the mock thread only.
    auto completionCount = std::make_shared<std::uint64_t>(0);
    router.handle("createChatCompletion", [environment, completionCount](HttpExchange &exchange) {
        return createChatCompletion(exchange, environment, *completionCount);
    });
    router.requireScope("createChatCompletion", "chat:write");
}

} // namespace petstore::mock
