// Workbook fuzz, grid half: cases 5001 to 7500 of 10,000 (seed 333), in four files so jest can share them
// between workers. A failure prints its seed and path: rerun with them to reproduce it. See gridFuzz.ts.
import { exampleGrids, fuzzGrids } from "./gridFuzz";

jest.setTimeout(600_000);

it("2,500 mutated example workbooks: nothing throws, every problem names a sheet and a cell", async () => {
  fuzzGrids(await exampleGrids(), 333, 2_500);
});
