// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/panelcontext.h"

#include "core/requests/variabletemplate.h"

namespace petstore::panels {

std::map<std::string, std::string> PanelContext::variableValues() const
{
    std::map<std::string, std::string> values;
    const QMap<QString, QString> variables = this->variables();
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        values.emplace(it.key().toStdString(), it.value().toStdString());
    return values;
}

QString PanelContext::expand(const QString &text) const
{
    return QString::fromStdString(core::VariableTemplate::expand(text.toStdString(), variableValues()));
}

} // namespace petstore::panels
