import type { Child } from "hono/jsx";

/** One column of a `DataTable`: its heading and how a row fills its cell; `num` right-aligns figures. */
export type Column<Row> = { head: string; num?: boolean; cell: (row: Row) => Child };

/**
 * A table of rows under column headings, or the `empty` sentence when there are no rows: the pages'
 * lists say what each column is once, beside how its cell is filled.
 */
export function DataTable<Row>({ rows, columns, empty }: { rows: Row[]; columns: Column<Row>[]; empty: string }) {
  if (rows.length === 0) return <p class="muted">{empty}</p>;
  return (
    <table>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" class={column.num ? "num" : undefined}>
              {column.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            {columns.map((column) => (
              <td class={column.num ? "num" : undefined}>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
