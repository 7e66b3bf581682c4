// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/rest/petrepresentationcache.h"

#include "core/petstore/domainjson.h"

namespace petstore::mock {

const std::string &PetRepresentationCache::text(const std::string &tenantId, const core::Pet &pet)
{
    std::string key = tenantId;
    key += '/';
    key += pet.id;
    auto it = m_entries.find(key);
    if (it != m_entries.end() && it->second.revision == pet.revision && it->second.updatedAt == pet.updatedAt)
        return it->second.text;
    if (it == m_entries.end() && m_entries.size() >= MaxEntries)
        m_entries.clear();
    Entry &entry = m_entries[key];
    entry = {pet.revision, pet.updatedAt, core::toJson(pet).dump()};
    return entry.text;
}

} // namespace petstore::mock
