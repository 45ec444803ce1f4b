package org.chizu.accounts;

/**
 * What a resident fills in on {@code /register}. A group (団体登録, as in the facility booking systems
 * of Japanese towns) also gives its name and the person who represents it.
 *
 * @param email          where the verification link goes; signs in
 * @param displayName    how the account is shown to others (a nickname is fine)
 * @param password       chosen by the resident, checked by the {@link PasswordPolicy}
 * @param groupName      the group's name (団体名); null or blank for an individual
 * @param representative the group's representative (代表者名); required for a group
 * @param address        optional (住所), personal data shown only to staff who state why
 */
public record Registration(String email, String displayName, String password, String groupName,
        String representative, String address) {

    public boolean isGroup() {
        return groupName != null && !groupName.isBlank();
    }
}
