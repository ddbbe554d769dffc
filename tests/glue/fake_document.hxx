// A stand-in for the document model Calc passes as the hidden first argument: only the
// NullDate property is read.
#pragma once

#include "uno/common/uno_basics.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/util/Date.hpp>

css::uno::Reference<css::beans::XPropertySet> makeFakeDocument(css::util::Date nullDate);
