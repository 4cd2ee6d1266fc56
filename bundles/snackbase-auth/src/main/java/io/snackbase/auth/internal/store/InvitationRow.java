package io.snackbase.auth.internal.store;

/** One row of {@code invitations} with its account's code and name and the inviter's email. */
public class InvitationRow {
    public String id;
    public String accountId;
    public String email;
    public String token;
    public String invitedBy;
    public Integer roleId;
    public String groupIds;
    public Long expiresAt;
    public Long acceptedAt;
    public Long cancelledAt;
    public Boolean emailSent;
    public Long emailSentAt;
    public Long createdAt;
    public Long updatedAt;
    public String accountCode;
    public String accountName;
    public String invitedByEmail;
}
