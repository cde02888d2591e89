import type { ClientType } from "@parom/core/people";
import type { TagName } from "@parom/core/lead";

/** English texts of a lead's tags section (who the client is), hooked into en.ts as `tags`. */
export const tagsEn = {
  title: "Client tags",
  intro: "Who the client is. A stage that requires tags takes the lead only once they are set; a field left empty clears its tag.",
  clientType: "Client type",
  city: "City",
  storeCount: "Number of stores",
  storeType: "Store type",
  unset: "— not set —",
  clientTypes: { buyer: "wholesale buyer", retail: "retail", business_owner: "business owner", other: "other" } satisfies Record<ClientType, string>,
  refused: "Correct the marked fields.",
  problems: {
    clientType: "choose one of the list",
    city: "at most 200 characters",
    storeCount: "a whole number from 0 to 1,000,000",
    storeType: "at most 200 characters",
  } satisfies Record<TagName, string>,
  save: "Save tags",
};

export type TagsMessages = typeof tagsEn;
