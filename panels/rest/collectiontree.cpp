// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/rest/collectiontree.h"

#include "core/requests/openapicollection.h"
#include "panels/common/panelcontext.h"
#include "panels/rest/openapiimportdialog.h"
#include "panels/rest/savedrequeststore.h"

#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace petstore::panels {

namespace {

constexpr int IdRole = Qt::UserRole;
constexpr int KindRole = Qt::UserRole + 1;

QColor methodColour(const QString &method)
{
    if (method == QLatin1String("GET"))
        return QColor(0x2e, 0x9d, 0x4f);
    if (method == QLatin1String("POST"))
        return QColor(0xd9, 0x7a, 0x1c);
    if (method == QLatin1String("PUT") || method == QLatin1String("PATCH"))
        return QColor(0x2a, 0x6f, 0xdb);
    if (method == QLatin1String("DELETE"))
        return QColor(0xd0, 0x3b, 0x3b);
    return QColor(0x80, 0x80, 0x80);
}

} // namespace

CollectionTree::CollectionTree(SavedRequestStore &store, PanelContext &context, QWidget *parent)
    : QWidget(parent), m_store(store), m_context(context), m_network(new QNetworkAccessManager(this))
{
    auto *newCollection = new QPushButton(tr("New"), this);
    newCollection->setObjectName(QStringLiteral("newCollection"));
    newCollection->setToolTip(tr("New collection"));
    auto *import = new QPushButton(tr("Import OpenAPI…"), this);
    import->setObjectName(QStringLiteral("importOpenApi"));
    auto *remove = new QPushButton(tr("Delete"), this);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("collectionTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderHidden(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(newCollection);
    buttons->addWidget(import);
    buttons->addWidget(remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_tree, 1);

    connect(newCollection, &QPushButton::clicked, this, [this] {
        m_store.createCollection(tr("New collection"));
        refresh();
    });
    connect(import, &QPushButton::clicked, this, [this] {
        OpenApiImportDialog dialog(m_context, this);
        if (dialog.exec() == QDialog::Accepted)
            importOpenApi(dialog.source());
    });
    connect(remove, &QPushButton::clicked, this, &CollectionTree::removeSelected);
    auto *del = new QShortcut(QKeySequence::Delete, m_tree);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &CollectionTree::removeSelected);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item->data(0, KindRole).toInt() != int(SavedNode::Kind::Request))
            return;
        if (const auto node = m_store.node(item->data(0, IdRole).toLongLong()))
            Q_EMIT openRequested(node->spec);
    });
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (!m_filling && column == 1)
            m_store.rename(item->data(0, IdRole).toLongLong(), item->text(1));
    });
    refresh();
}

void CollectionTree::refresh()
{
    m_filling = true;
    m_tree->clear();
    fill(nullptr, 0);
    m_filling = false;
}

void CollectionTree::fill(QTreeWidgetItem *parent, qint64 parentId)
{
    for (const SavedNode &node : m_store.children(parentId)) {
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
        item->setData(0, IdRole, node.id);
        item->setData(0, KindRole, int(node.kind));
        item->setText(1, node.name);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        if (node.kind == SavedNode::Kind::Request) {
            const QString method = QString::fromStdString(node.spec.method);
            item->setText(0, method);
            item->setForeground(0, methodColour(method));
            QFont font = item->font(0);
            font.setBold(true);
            item->setFont(0, font);
            item->setToolTip(1, QString::fromStdString(node.spec.url));
        } else {
            item->setText(0, node.kind == SavedNode::Kind::Collection ? QStringLiteral("▣") : QStringLiteral("▸"));
            fill(item, node.id);
        }
    }
}

qint64 CollectionTree::selectedContainer() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return 0;
    if (item->data(0, KindRole).toInt() == int(SavedNode::Kind::Request))
        item = item->parent();
    return item ? item->data(0, IdRole).toLongLong() : 0;
}

qint64 CollectionTree::saveRequest(const core::HttpRequestSpec &spec)
{
    qint64 parent = selectedContainer();
    if (parent == 0) {
        for (const SavedNode &node : m_store.children(0)) {
            if (node.name == tr("My requests"))
                parent = node.id;
        }
        if (parent == 0) {
            const auto created = m_store.createCollection(tr("My requests"));
            parent = created.ok() ? *created : 0;
        }
    }
    const auto saved = parent == 0 ? core::Result<qint64>(core::Error::make(core::ErrorKind::Internal, "no collection"))
                                   : m_store.saveRequest(parent, spec);
    refresh();
    return saved.ok() ? *saved : 0;
}

void CollectionTree::removeSelected()
{
    if (QTreeWidgetItem *item = m_tree->currentItem()) {
        m_store.remove(item->data(0, IdRole).toLongLong());
        refresh();
    }
}

void CollectionTree::importOpenApi(const QString &source)
{
    if (source.startsWith(QLatin1String("http://")) || source.startsWith(QLatin1String("https://"))) {
        QNetworkReply *reply = m_network->get(QNetworkRequest(QUrl(source)));
        connect(reply, &QNetworkReply::finished, this, [this, reply, source] {
            reply->deleteLater();
            if (reply->error() != QNetworkReply::NoError) {
                Q_EMIT importFinished(false, tr("Could not fetch %1: %2").arg(source, reply->errorString()));
                return;
            }
            importText(reply->readAll(), source);
        });
        return;
    }
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT importFinished(false, tr("Could not read %1: %2").arg(source, file.errorString()));
        return;
    }
    importText(file.readAll(), source);
}

void CollectionTree::importText(const QByteArray &text, const QString &source)
{
    const auto collection = core::OpenApiCollection::fromText(text.toStdString());
    if (!collection.ok()) {
        Q_EMIT importFinished(false, tr("%1: %2").arg(source, QString::fromStdString(collection.error().message)));
        return;
    }
    const auto imported = m_store.importCollection(*collection);
    refresh();
    if (!imported.ok()) {
        Q_EMIT importFinished(false, QString::fromStdString(imported.error().message));
        return;
    }
    const auto count = collection->requestCount();
    Q_EMIT importFinished(true, (count == 1 ? tr("Imported 1 request into \"%1\".") : tr("Imported %2 requests into \"%1\"."))
                                    .arg(QString::fromStdString(collection->name))
                                    .arg(count));
}

} // namespace petstore::panels
