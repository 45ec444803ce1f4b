package org.chizu.forestry.access;

/**
 * Staff's decision on an application.
 *
 * @param decision       approved or refused
 * @param surveyApproval the surveying body's approval reference (測量法), required to approve
 * @param reason         required to refuse; a note when approving
 */
public record Decision(String decision, String surveyApproval, String reason) {
}
