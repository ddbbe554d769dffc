// Shared helpers of the real-Calc tests: one office per test process (the UI language comes
// from RELANCE_TEST_LANGUAGE), sheets filled as a user types, results read back.
#pragma once

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include "core/calendar/civil_date.hxx"
#include "uno/functions/function_table.hxx"
#include "uno/ledger/ledger_layout.hxx"
#include "office_session.hxx"

namespace relance_test
{

using namespace css;

inline std::string env(const char* name)
{
    const char* value = std::getenv(name);
    return value ? value : "";
}

inline std::string utf8(const OUString& text)
{
    return OUStringToOString(text, RTL_TEXTENCODING_UTF8).getStr();
}

inline OUString ustr(const std::string& text)
{
    return OStringToOUString(OString(text.c_str()), RTL_TEXTENCODING_UTF8);
}

inline bool french()
{
    return env("RELANCE_TEST_LANGUAGE") == "fr";
}

// Formulas are written with English names; the French run swaps in the French display names.
inline std::string localized(std::string formula)
{
    if (!french())
        return formula;
    auto replaceAll = [&](const std::string& from, const std::string& to)
    {
        for (std::size_t at = formula.find(from); at != std::string::npos;
             at = formula.find(from, at + to.size()))
            formula.replace(at, from.size(), to);
    };
    for (const auto& function : relance::addin::functionTable())
        replaceAll(std::string(function.displayName.english) + "(",
                   std::string(function.displayName.french) + "(");
    replaceAll("TODAY()", "AUJOURDHUI()");
    replaceAll("SUM(", "SOMME(");
    return formula;
}

inline OfficeSession& office()
{
    static std::unique_ptr<OfficeSession> session;
    static std::string failure;
    if (!failure.empty())
        throw std::runtime_error(failure);
    if (!session)
        try
        {
            OfficeOptions options;
            options.sourceDir = env("RELANCE_SOURCE_DIR");
            options.programDir = env("LO_PROGRAM_DIR");
            options.profileDir = env("RELANCE_TEST_PROFILE");
            options.extension = env("RELANCE_TEST_SKIP_INSTALL").empty() ? env("RELANCE_OXT") : "";
            options.uiLanguage = french() ? "fr-FR" : "en-US";
            session = std::make_unique<OfficeSession>(options);
            std::atexit([] { session.reset(); });
        }
        catch (const std::exception& error)
        {
            failure = error.what();
            throw;
        }
    return *session;
}

class Sheet
{
public:
    explicit Sheet(uno::Reference<lang::XComponent> document) : document_(std::move(document))
    {
        const uno::Reference<sheet::XSpreadsheetDocument> spreadsheet(document_,
                                                                      uno::UNO_QUERY_THROW);
        const uno::Reference<container::XIndexAccess> sheets(spreadsheet->getSheets(),
                                                             uno::UNO_QUERY_THROW);
        sheet_.set(sheets->getByIndex(0), uno::UNO_QUERY_THROW);
    }
    ~Sheet()
    {
        try
        {
            uno::Reference<util::XCloseable>(document_, uno::UNO_QUERY_THROW)->close(true);
        }
        catch (const uno::Exception&)
        {
        }
    }

    uno::Reference<table::XCell> cell(const char* address) const
    {
        const uno::Reference<table::XCellRange> range(sheet_, uno::UNO_QUERY_THROW);
        return range->getCellRangeByName(OUString::createFromAscii(address))
            ->getCellByPosition(0, 0);
    }
    // As a user types it: localized function names, the UI's separators.
    void type(const char* address, const std::string& formula) const
    {
        uno::Reference<beans::XPropertySet>(cell(address), uno::UNO_QUERY_THROW)
            ->setPropertyValue("FormulaLocal", uno::Any(ustr(formula)));
    }
    void text(const char* address, const std::string& value) const
    {
        uno::Reference<text::XTextRange>(cell(address), uno::UNO_QUERY_THROW)
            ->setString(ustr(value));
    }
    void recalculate() const
    {
        uno::Reference<sheet::XCalculatable>(document_, uno::UNO_QUERY_THROW)->calculateAll();
    }
    std::string string(const char* address) const
    {
        return utf8(
            uno::Reference<text::XTextRange>(cell(address), uno::UNO_QUERY_THROW)->getString());
    }
    const uno::Reference<lang::XComponent>& document() const { return document_; }

private:
    uno::Reference<lang::XComponent> document_;
    uno::Reference<sheet::XSpreadsheet> sheet_;
};

// Ledger sheets as the tests read them.
inline beans::PropertyValue argument(const char* name, const uno::Any& value)
{
    return beans::PropertyValue(OUString::createFromAscii(name), 0, value,
                                beans::PropertyState_DIRECT_VALUE);
}

inline sal_Int32 usedRows(const uno::Reference<sheet::XSpreadsheet>& sheet)
{
    const uno::Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
    uno::Reference<sheet::XUsedAreaCursor>(cursor, uno::UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
    return uno::Reference<sheet::XCellRangeAddressable>(cursor, uno::UNO_QUERY_THROW)
               ->getRangeAddress()
               .EndRow +
           1;
}

inline std::string cellText(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 column,
                            sal_Int32 row)
{
    return utf8(uno::Reference<text::XTextRange>(sheet->getCellByPosition(column, row),
                                                 uno::UNO_QUERY_THROW)
                    ->getString());
}

inline sal_Int32 column(const char* key)
{
    return static_cast<sal_Int32>(
        relance::addin::columnIndex(relance::addin::invoiceColumns(), key));
}

inline double serial(int y, unsigned m, unsigned d)
{
    return relance::toDayNumber({y, m, d}) - relance::toDayNumber({1899, 12, 30});
}

} // namespace relance_test
