// The last row a sheet uses, as Calc's used-area cursor finds it.
#pragma once

#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>

namespace relance::addin
{

// 0-based; 0 when only the header row (or nothing) is there.
inline sal_Int32 lastUsedRow(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet)
{
    const css::uno::Reference<css::sheet::XSheetCellCursor> cursor = sheet->createCursor();
    css::uno::Reference<css::sheet::XUsedAreaCursor>(cursor, css::uno::UNO_QUERY_THROW)
        ->gotoEndOfUsedArea(false);
    return css::uno::Reference<css::sheet::XCellRangeAddressable>(cursor, css::uno::UNO_QUERY_THROW)
        ->getRangeAddress()
        .EndRow;
}

} // namespace relance::addin
