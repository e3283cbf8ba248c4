// Names the product gives to what it creates for an agency.

/** The one-stop desk (Bộ phận Tiếp nhận và Trả kết quả) of an agency. */
export function deskName(agencyName: string): string {
  return `Bộ phận Tiếp nhận và Trả kết quả – ${agencyName}`;
}
