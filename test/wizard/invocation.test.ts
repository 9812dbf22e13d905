// The command the wizard prints to rerun llmcost: as it was started, so it pastes back into the same shell.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { invocationOf } from "../../src/terminal/invocation.js";

describe("how llmcost was invoked", () => {
  it("is `node <script>` relative to the working folder when started with node", () => {
    expect(invocationOf("/repo/bin/llmcost.js", "/usr/bin", "/repo")).toBe("node bin/llmcost.js");
    expect(invocationOf("/repo/bin/llmcost.js", "/usr/bin", "/tmp")).toBe("node /repo/bin/llmcost.js");
    expect(invocationOf("/my repo/bin/llmcost.js", "", "/tmp")).toBe("node '/my repo/bin/llmcost.js'");
  });

  it("is `llmcost` when the script is the llmcost found on PATH (npm link, a global install)", () => {
    expect(invocationOf("/usr/local/bin/llmcost", "/usr/bin:/usr/local/bin", "/tmp")).toBe("llmcost");
    expect(invocationOf("llmcost", "", "/tmp")).toBe("llmcost");
    // A copy named llmcost in a folder not on PATH is not reachable by that name.
    expect(invocationOf(join("/opt/x", "llmcost"), "/usr/bin", "/tmp")).toBe("node /opt/x/llmcost");
  });
});
