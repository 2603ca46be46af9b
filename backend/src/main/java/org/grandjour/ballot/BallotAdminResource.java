package org.grandjour.ballot;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.common.Caller;

/** Organisers review a ballot, disqualify duplicates while the window is open, then draw. */
@Path("/api/admin")
@Tag(name = "Ballot")
@RolesAllowed("organiser")
@Produces(MediaType.APPLICATION_JSON)
public class BallotAdminResource {
    @Inject
    BallotAdminService ballots;
    @Inject
    BallotResultMails resultMails;
    @Inject
    Caller caller;

    @GET
    @Path("/editions/{editionId}/ballot")
    @Operation(operationId = "getBallotOverview", summary = "Applications, persons, demand per offer and possible duplicate applicants")
    @APIResponse(responseCode = "200", description = "The overview")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public BallotOverview overview(@PathParam("editionId") long editionId) {
        return ballots.overview(editionId);
    }

    @POST
    @Path("/editions/{editionId}/ballot/applications/{applicationId}/disqualification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "disqualifyApplication", summary = "Disqualify an application, with a reason (audited, counted in the draw report); only while the window is open")
    @APIResponse(responseCode = "200", description = "The disqualified application")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public BallotOverview.Applicant disqualify(@PathParam("editionId") long editionId, @PathParam("applicationId") long applicationId,
                                               @NotNull(message = "a JSON body {reason} is required") @Valid DisqualificationInput input) {
        return ballots.disqualify(caller.username(), editionId, applicationId, input.reason());
    }

    @POST
    @Path("/editions/{editionId}/draw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "drawBallot", summary = "Draw the ballot, once, after the window has closed: tickets for the winners, waiting lists for the others, mails to all")
    @APIResponse(responseCode = "200", description = "The public draw report")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public DrawReport draw(@PathParam("editionId") long editionId,
                           @NotNull(message = "a JSON body {publicValue} is required") @Valid DrawInput input) {
        DrawReport report = ballots.draw(caller.username(), editionId, input.publicValue());
        resultMails.sendSoon(); // committed: the mails go now (and, should this backend stop, from any instance later)
        return report;
    }
}
