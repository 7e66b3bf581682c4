// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace petstore::panels {

// A JSON document as a tree (Key / Value / Type). Children are built when a node is first
// expanded, so a 100,000-element array costs nothing until someone opens it.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setDocument(nlohmann::json document);
    // RFC 9535 §2.7 normalized path of a node: $['items'][0]['name'].
    QString pathOf(const QModelIndex &index) const;
    // The node's value as compact JSON (strings without quotes).
    QString valueOf(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;

private:
    struct Node;
    Node *nodeFor(const QModelIndex &index) const;
    static void populate(Node &node);

    nlohmann::json m_document;
    std::unique_ptr<Node> m_root;
};

} // namespace petstore::panels
