package org.chizu.safety;

import java.util.List;

import org.chizu.platform.Label;

/**
 * The shelters recommended for a place and why these.
 *
 * @param basis        {@link Basis#OPEN} while staff have opened any shelter (only open ones are
 *                     listed), {@link Basis#DESIGNATED} otherwise (all designated shelters qualify)
 * @param basisLabel   the basis in words
 * @param preferredFor the hazards shelters were preferred for, as the registry labels the shelter flags
 * @param shelters     nearest first among the suitable, then the nearest others; empty when there is none
 */
public record ShelterChoice(Basis basis, Label basisLabel, List<Label> preferredFor, List<Shelter> shelters) {

    public enum Basis {
        OPEN(new Label("開設中の避難所のうち近いもの", "Nearest shelters that are open now")),
        DESIGNATED(new Label("開設中の避難所はありません。近くの指定避難所・指定緊急避難場所を示します",
                "No shelter is open now; showing the nearest designated shelters and evacuation sites"));

        private final Label label;

        Basis(Label label) {
            this.label = label;
        }

        public Label label() {
            return label;
        }
    }
}
