import type { SSTConfig } from "sst";
import { Api } from "./stacks/Api.js";
import { Archive } from "./stacks/Archive.js";
import { Database } from "./stacks/Database.js";
import { Handovers } from "./stacks/Handovers.js";
import { Reports } from "./stacks/Reports.js";

export default {
  config() {
    return { name: "parom", region: "eu-central-1" };
  },
  stacks(app) {
    app.stack(Database).stack(Api).stack(Reports).stack(Archive).stack(Handovers);
  },
} satisfies SSTConfig;
