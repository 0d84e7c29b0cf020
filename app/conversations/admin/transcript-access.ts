// Who may open transcripts (settings.access): everyone with app access by default;
// only the shop owner when ownerOnlyTranscripts; only listed staff ids (and the
// owner) when transcriptViewers is non-empty. Unknown ownership never counts as owner.
import type { ShopSettings } from "../../settings/settings-schema";
import type { StaffUser } from "../../infra/admin-ports";

export function canViewTranscripts(
  access: ShopSettings["access"],
  staff: StaffUser,
): { allowed: true } | { allowed: false; reason: string } {
  if (staff.isOwner === true) return { allowed: true };
  if (access.ownerOnlyTranscripts) {
    return { allowed: false, reason: "Only the shop owner may open transcripts in this shop." };
  }
  if (access.transcriptViewers.length > 0 && !access.transcriptViewers.includes(staff.id)) {
    return { allowed: false, reason: "Your staff account is not on this shop's list of transcript viewers." };
  }
  return { allowed: true };
}
