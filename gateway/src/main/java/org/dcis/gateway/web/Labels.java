package org.dcis.gateway.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The web app's words, in English (messages/labels_en.properties, the default) and French (labels_fr.properties),
 * used in templates as {labels:key} or {labels:message('theme_' + theme)}. Qute checks every template's keys at
 * build time; LabelsTest checks both files carry the same keys. Generated from labels_en.properties by
 * deploy/web/labels-interface: add a key there, in French too, and run it.
 */
@MessageBundle(value = "labels", locale = "en")
public interface Labels {
    @Message
    String app_title();

    @Message
    String skip_to_content();

    @Message
    String nav_label();

    @Message
    String nav_network();

    @Message
    String nav_cases();

    @Message
    String nav_registry();

    @Message
    String switch_language();

    @Message
    String sign_out();

    @Message
    String sign_in();

    @Message
    String footer();

    @Message
    String error_unavailable_title();

    @Message
    String error_unavailable_text();

    @Message
    String error_forbidden_title();

    @Message
    String error_forbidden_text();

    @Message
    String error_expired_title();

    @Message
    String error_expired_text();

    @Message
    String error_not_found_title();

    @Message
    String error_not_found_text();

    @Message
    String sign_in_again();

    @Message
    String try_again();

    @Message
    String back_home();

    @Message
    String signed_out_title();

    @Message
    String signed_out_text();

    @Message
    String network_title();

    @Message
    String filter_from();

    @Message
    String filter_to();

    @Message
    String filter_theme();

    @Message
    String filter_kind();

    @Message
    String filter_framework();

    @Message
    String filter_organisation();

    @Message
    String filter_mission();

    @Message
    String filter_continent();

    @Message
    String filter_country();

    @Message
    String filter_post();

    @Message
    String filter_status();

    @Message
    String any();

    @Message
    String apply();

    @Message
    String clear();

    @Message
    String headline();

    @Message
    String fig_cases();

    @Message
    String fig_actions();

    @Message
    String fig_trained();

    @Message
    String fig_experts();

    @Message
    String charts();

    @Message
    String as_table();

    @Message
    String chart_theme();

    @Message
    String chart_month();

    @Message
    String chart_kind();

    @Message
    String map_title();

    @Message
    String no_activity();

    @Message
    String most_active();

    @Message
    String col_post();

    @Message
    String col_city();

    @Message
    String col_country();

    @Message
    String col_planned();

    @Message
    String col_title();

    @Message
    String col_type();

    @Message
    String recent_actions();

    @Message
    String download_csv();

    @Message
    String no_rows();

    @Message
    String theme_DRUG_TRAFFICKING();

    @Message
    String theme_ARMS_TRAFFICKING();

    @Message
    String theme_CYBERCRIME();

    @Message
    String theme_TERRORISM();

    @Message
    String theme_ORGANISED_CRIME();

    @Message
    String theme_IRREGULAR_IMMIGRATION();

    @Message
    String theme_EXPERTISE_EXPORT();

    @Message
    String kind_OPERATIONAL();

    @Message
    String kind_TECHNICAL();

    @Message
    String kind_INSTITUTIONAL();

    @Message
    String type_TRAINING();

    @Message
    String type_EXPERT_MISSION();

    @Message
    String type_JOINT_OPERATION();

    @Message
    String type_INFORMATION_EXCHANGE();

    @Message
    String type_EQUIPMENT_DONATION();

    @Message
    String type_STUDY_VISIT();

    @Message
    String type_INSTITUTIONAL_MEETING();

    @Message
    String type_CONFERENCE();

    @Message
    String type_AUDIT_AND_ADVICE();

    @Message
    String type_OTHER();

    @Message
    String framework_BILATERAL();

    @Message
    String framework_MULTILATERAL();

    @Message
    String continent_Africa();

    @Message
    String continent_Americas();

    @Message
    String continent_Asia();

    @Message
    String continent_Europe();

    @Message
    String continent_Oceania();

    @Message
    String status_OPEN();

    @Message
    String status_CLOSED();

    @Message
    String status_PLANNED();

    @Message
    String status_IN_PROGRESS();

    @Message
    String status_COMPLETED();

    @Message
    String status_CANCELLED();

    @Message
    String indicator_PERSONS_TRAINED();

    @Message
    String indicator_SEIZURE();

    @Message
    String indicator_ARRESTS();

    @Message
    String indicator_NETWORKS_DISMANTLED();

    @Message
    String indicator_PROCEDURES_OPENED();

    @Message
    String indicator_VICTIMS_IDENTIFIED();

    @Message
    String indicator_EQUIPMENT_DELIVERED();

    @Message
    String indicator_DOCUMENTS_PRODUCED();

    @Message
    String indicator_OTHER();

    @Message
    String handling_INTERNAL();

    @Message
    String handling_RESTRICTED();

    @Message
    String post_title();

    @Message
    String post_coverage();

    @Message
    String post_officers();

    @Message
    String post_by_force();

    @Message
    String post_by_role();

    @Message
    String post_cases();

    @Message
    String post_figures();

    @Message
    String col_opened();

    @Message
    String col_status();

    @Message
    String reg_title();

    @Message
    String reg_filter_text();

    @Message
    String reg_posts();

    @Message
    String reg_open_post();

    @Message
    String reg_post_id();

    @Message
    String reg_host_country();

    @Message
    String reg_embassy();

    @Message
    String reg_opened_on();

    @Message
    String reg_coverage_extra();

    @Message
    String reg_codes_hint();

    @Message
    String reg_today_when_empty();

    @Message
    String reg_contact_email();

    @Message
    String reg_contact_phone();

    @Message
    String reg_contact();

    @Message
    String reg_version();

    @Message
    String reg_post_status_OPEN();

    @Message
    String reg_post_status_SUSPENDED();

    @Message
    String reg_post_status_CLOSED();

    @Message
    String reg_done_opened();

    @Message
    String reg_done_coverage();

    @Message
    String reg_done_suspended();

    @Message
    String reg_done_reopened();

    @Message
    String reg_done_closed();

    @Message
    String reg_done_assigned();

    @Message
    String reg_done_ended();

    @Message
    String reg_coverage_on();

    @Message
    String reg_countries();

    @Message
    String reg_countries_hint();

    @Message
    String reg_effective_on();

    @Message
    String reg_change_coverage();

    @Message
    String reg_coverage_history();

    @Message
    String reg_valid_from();

    @Message
    String reg_valid_to();

    @Message
    String reg_current();

    @Message
    String reg_conflict_title();

    @Message
    String reg_conflict_text();

    @Message
    String reg_conflict_end_text();

    @Message
    String reg_fresh_coverage();

    @Message
    String reg_closed_text();

    @Message
    String reg_on();

    @Message
    String reg_suspend();

    @Message
    String reg_reopen();

    @Message
    String reg_close();

    @Message
    String reg_close_confirm();

    @Message
    String reg_close_confirm_needed();

    @Message
    String reg_assignments();

    @Message
    String reg_no_assignments();

    @Message
    String reg_officer();

    @Message
    String reg_officer_id();

    @Message
    String reg_name();

    @Message
    String reg_given_name();

    @Message
    String reg_family_name();

    @Message
    String reg_force();

    @Message
    String reg_rank();

    @Message
    String reg_role();

    @Message
    String reg_starts_on();

    @Message
    String reg_ends_on();

    @Message
    String reg_specialities();

    @Message
    String reg_end();

    @Message
    String reg_assign();

    @Message
    String reg_force_POLICE_NATIONALE();

    @Message
    String reg_force_GENDARMERIE_NATIONALE();

    @Message
    String reg_role_HEAD_OF_SERVICE();

    @Message
    String reg_role_DEPUTY();

    @Message
    String reg_role_LIAISON_OFFICER();

    @Message
    String reg_role_TECHNICAL_EXPERT();

    @Message
    String cases_title();

    @Message
    String cases_figures();

    @Message
    String cases_list();

    @Message
    String cases_count();

    @Message
    String case_new();

    @Message
    String case_open();

    @Message
    String case_lead_post();

    @Message
    String case_partner();

    @Message
    String case_handling();

    @Message
    String case_f_summary();

    @Message
    String case_f_partner();

    @Message
    String case_f_themes();

    @Message
    String case_f_countries();

    @Message
    String case_f_countries_hint();

    @Message
    String case_f_opened();

    @Message
    String case_f_releasable();

    @Message
    String case_f_return();

    @Message
    String case_form_cancel();

    @Message
    String case_back();

    @Message
    String case_actions();

    @Message
    String case_no_actions();

    @Message
    String case_close();

    @Message
    String case_closed_on();

    @Message
    String case_result();

    @Message
    String case_conflict_text();

    @Message
    String case_conflict_keep();

    @Message
    String case_conflict_now();

    @Message
    String case_conflict_version();

    @Message
    String action_log();

    @Message
    String action_revise();

    @Message
    String action_save();

    @Message
    String action_f_description();

    @Message
    String action_f_plannedStart();

    @Message
    String action_f_plannedEnd();

    @Message
    String action_f_actualStart();

    @Message
    String action_f_actualEnd();

    @Message
    String action_f_place();

    @Message
    String action_f_participants();

    @Message
    String action_f_frenchExperts();

    @Message
    String action_f_partnerOfficersInvolved();

    @Message
    String action_f_partnerOfficersTrained();

    @Message
    String action_f_partnerAgencies();

    @Message
    String action_f_outcomes();

    @Message
    String action_f_outcomes_hint();

    @Message
    String action_f_indicator();

    @Message
    String action_f_quantity();

    @Message
    String action_f_unit();

    @Message
    String action_f_note();

    @Message
    String action_status_on();

    @Message
    String action_cancel_reason();

    @Message
    String action_cancel_reason_field();

    @Message
    String move_IN_PROGRESS();

    @Message
    String move_COMPLETED();

    @Message
    String move_CANCELLED();

    @Message
    String done_case_opened();

    @Message
    String done_action_logged();

    @Message
    String done_action_revised();

    @Message
    String done_status_changed();

    @Message
    String done_case_closed();
}
