// Workbook fuzz, grid half: cases 7501 to 10000 of 10,000 (seed 444), in four files so jest can share them
// between workers. A failure prints its seed and path: rerun with them to reproduce it. See gridFuzz.ts.
import { exampleGrids, fuzzGrids } from "./gridFuzz";

jest.setTimeout(600_000);

it("2,500 mutated example workbooks: nothing throws, every problem names a sheet and a cell", async () => {
  fuzzGrids(await exampleGrids(), 444, 2_500);
});
