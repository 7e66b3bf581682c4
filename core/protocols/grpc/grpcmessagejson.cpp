// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/grpc/grpcmessagejson.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/util/json_util.h>

#include <QByteArray>

#include <memory>

namespace petstore::core {

namespace {

using google::protobuf::Descriptor;
using google::protobuf::DescriptorPool;

std::string hex(std::string_view bytes)
{
    return QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size())).toHex().toStdString();
}

// "/petstore.v1.PetService/GetPet" -> the method's input or output type; nullptr if unknown.
const Descriptor *messageType(std::string_view method, GrpcMessageJson::Direction direction)
{
    if (method.size() < 4 || method.front() != '/')
        return nullptr;
    std::string name(method.substr(1));
    const auto slash = name.find('/');
    if (slash == std::string::npos)
        return nullptr;
    name[slash] = '.';
    const auto *descriptor = DescriptorPool::generated_pool()->FindMethodByName(name);
    if (!descriptor)
        return nullptr;
    return direction == GrpcMessageJson::Direction::Request ? descriptor->input_type() : descriptor->output_type();
}

nlohmann::json messageJson(const Descriptor *type, std::string_view payload)
{
    if (!type)
        return {{"bytes", hex(payload)}};
    google::protobuf::DynamicMessageFactory factory;
    std::unique_ptr<google::protobuf::Message> message(factory.GetPrototype(type)->New());
    if (!message->ParseFromArray(payload.data(), int(payload.size())))
        return {{"error", "not a " + type->full_name()}, {"bytes", hex(payload)}};
    std::string json;
    google::protobuf::util::JsonPrintOptions options;
    options.preserve_proto_field_names = true;
    if (!google::protobuf::util::MessageToJsonString(*message, &json, options).ok())
        return {{"error", "cannot print as JSON"}, {"bytes", hex(payload)}};
    return nlohmann::json::parse(json, nullptr, false);
}

} // namespace

std::string GrpcMessageJson::frame(std::string_view message)
{
    const auto size = std::uint32_t(message.size());
    std::string out{char(0), char(size >> 24), char(size >> 16), char(size >> 8), char(size)};
    out.append(message);
    return out;
}

nlohmann::json GrpcMessageJson::decode(std::string_view method, std::string_view frames, Direction direction)
{
    const Descriptor *type = messageType(method, direction);
    nlohmann::json messages = nlohmann::json::array();
    while (!frames.empty()) {
        if (frames.size() < 5) {
            messages.push_back({{"error", "a frame prefix needs 5 bytes"}, {"bytes", hex(frames)}});
            break;
        }
        const auto byte = [&frames](std::size_t i) { return std::uint32_t(static_cast<unsigned char>(frames[i])); };
        const std::uint32_t length = byte(1) << 24 | byte(2) << 16 | byte(3) << 8 | byte(4);
        if (frames.size() - 5 < length) {
            messages.push_back({{"error", "the frame announces " + std::to_string(length) + " bytes but "
                                              + std::to_string(frames.size() - 5) + " follow"},
                                {"bytes", hex(frames.substr(0, 64))}});
            break;
        }
        const std::string_view payload = frames.substr(5, length);
        if (byte(0) != 0)
            messages.push_back({{"error", "compressed (flag " + std::to_string(byte(0)) + ")"}, {"bytes", hex(payload)}});
        else
            messages.push_back(messageJson(type, payload));
        frames.remove_prefix(5 + length);
    }
    return messages;
}

} // namespace petstore::core
