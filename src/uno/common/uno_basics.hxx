// What LibreOffice's own code gets from LIBO_INTERNAL_ONLY and SDK code does not: OUString at
// global scope and sequences built from a braced list.
#pragma once

#include <initializer_list>

#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/string.hxx>
#include <rtl/ustring.hxx>

using ::rtl::OString;
using ::rtl::OStringToOUString;
using ::rtl::OUString;
using ::rtl::OUStringToOString;

template <typename Element>
css::uno::Sequence<Element> sequenceOf(std::initializer_list<Element> elements)
{
    return css::uno::Sequence<Element>(elements.begin(), static_cast<sal_Int32>(elements.size()));
}
