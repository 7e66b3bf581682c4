// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/jsontreemodel.h"

namespace petstore::panels {

struct JsonTreeModel::Node
{
    const nlohmann::json *value = nullptr;
    QString key;            // member name, or empty for array items
    int arrayIndex = -1;    // for array items
    Node *parent = nullptr;
    int row = 0;
    bool populated = false;
    std::vector<std::unique_ptr<Node>> children;
};

JsonTreeModel::JsonTreeModel(QObject *parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>()) {}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setDocument(nlohmann::json document)
{
    beginResetModel();
    m_document = std::move(document);
    m_root = std::make_unique<Node>();
    m_root->value = &m_document;
    endResetModel();
}

void JsonTreeModel::populate(Node &node)
{
    if (node.populated)
        return;
    node.populated = true;
    if (!node.value)
        return;
    int row = 0;
    if (node.value->is_object()) {
        for (auto it = node.value->begin(); it != node.value->end(); ++it) {
            auto child = std::make_unique<Node>();
            child->value = &it.value();
            child->key = QString::fromStdString(it.key());
            child->parent = &node;
            child->row = row++;
            node.children.push_back(std::move(child));
        }
    } else if (node.value->is_array()) {
        for (const auto &item : *node.value) {
            auto child = std::make_unique<Node>();
            child->value = &item;
            child->arrayIndex = row;
            child->parent = &node;
            child->row = row++;
            node.children.push_back(std::move(child));
        }
    }
}

JsonTreeModel::Node *JsonTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    Node *node = nodeFor(parent);
    populate(*node);
    if (row < 0 || row >= int(node->children.size()) || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, node->children[std::size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    Node *node = nodeFor(child);
    if (!child.isValid() || !node->parent || node->parent == m_root.get())
        return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    Node *node = nodeFor(parent);
    populate(*node);
    return int(node->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    const Node *node = nodeFor(parent);
    return node->value && (node->value->is_object() || node->value->is_array()) && !node->value->empty();
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const Node *node = nodeFor(index);
    const nlohmann::json &value = *node->value;
    switch (index.column()) {
    case KeyColumn:
        return node->arrayIndex >= 0 ? QStringLiteral("[%1]").arg(node->arrayIndex) : node->key;
    case ValueColumn:
        if (value.is_object())
            return tr("{%n member(s)}", nullptr, int(value.size()));
        if (value.is_array())
            return tr("[%n item(s)]", nullptr, int(value.size()));
        return QString::fromStdString(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    case TypeColumn:
        return QString::fromLatin1(value.type_name());
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn: return tr("Key");
    case ValueColumn: return tr("Value");
    case TypeColumn: return tr("Type");
    default: return {};
    }
}

QString JsonTreeModel::pathOf(const QModelIndex &index) const
{
    QStringList parts;
    for (const Node *node = nodeFor(index); node && node != m_root.get(); node = node->parent) {
        if (node->arrayIndex >= 0) {
            parts.prepend(QStringLiteral("[%1]").arg(node->arrayIndex));
        } else {
            // RFC 9535 §2.7: names in single quotes, with ' and \ escaped.
            QString name = node->key;
            name.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
            parts.prepend(QStringLiteral("['%1']").arg(name));
        }
    }
    return QStringLiteral("$") + parts.join(QString());
}

QString JsonTreeModel::valueOf(const QModelIndex &index) const
{
    const Node *node = nodeFor(index);
    if (!node->value)
        return {};
    if (node->value->is_string())
        return QString::fromStdString(node->value->get<std::string>());
    return QString::fromStdString(node->value->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace petstore::panels
