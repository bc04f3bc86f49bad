package org.peercircle.assessment.instrument;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.peercircle.assessment.scoring.AnswerOption;
import org.peercircle.assessment.scoring.Instrument;
import org.peercircle.assessment.scoring.Instrument.ItemGroup;
import org.peercircle.assessment.scoring.Item;
import org.peercircle.assessment.scoring.Scorer;
import org.peercircle.assessment.scoring.Violation;

/**
 * The wording of an instrument in one locale, loaded by a coordinator where the instrument's terms do not let us
 * ship it. It changes only what is displayed, never the scoring key.
 */
@Schema(name = "InstrumentTexts", description = "Wording of one instrument version in one locale")
public record InstrumentTexts(
        @Schema(description = "Item id → its wording and option labels (keys: option values)",
                examples = "{\"1\": {\"text\": \"您是否觉得缺少伙伴？\", \"options\": {\"1\": \"几乎从不\", \"2\": \"有时\", \"3\": \"经常\"}}}")
        Map<String, ItemText> items,
        @Schema(description = "Group id → heading", examples = "{\"5\": \"从家庭成员得到的支持和照顾\"}")
        Map<String, @NotBlank @Size(max = 2000) String> groups) {

    public InstrumentTexts {
        items = items == null ? Map.of() : items;
        groups = groups == null ? Map.of() : groups;
    }

    @Schema(name = "ItemText")
    public record ItemText(
            @Schema(examples = "您是否觉得缺少伙伴？") @Size(max = 2000) String text,
            Map<String, @NotBlank @Size(max = 500) String> options) {

        public ItemText {
            options = options == null ? Map.of() : options;
        }
    }

    /** Items, option values and groups that do not exist in {@code instrument}. */
    public List<Violation> check(Instrument instrument) {
        List<Violation> v = new ArrayList<>();
        if (items.isEmpty() && groups.isEmpty()) {
            v.add(new Violation("items", "give the wording of at least one item or group"));
        }
        items.forEach((id, text) -> {
            var item = instrument.item(id);
            if (item.isEmpty()) {
                v.add(new Violation("items." + id, "is not an item of " + instrument.code() + " v"
                        + instrument.version()));
                return;
            }
            if (text == null || (blank(text.text()) && text.options().isEmpty())) {
                v.add(new Violation("items." + id, "needs a text or option labels"));
                return;
            }
            text.options().keySet().forEach(value -> {
                if (optionOf(item.get(), value) == null) {
                    v.add(new Violation("items." + id + ".options." + value, "is not an option value of item " + id));
                }
            });
        });
        groups.keySet().forEach(id -> {
            if (instrument.groups().stream().noneMatch(g -> g.id().equals(id))) {
                v.add(new Violation("groups." + id, "is not a group of " + instrument.code()));
            }
        });
        return v;
    }

    /** {@code instrument} with this wording added (or replacing the shipped one) for {@code locale}. */
    public Instrument applyTo(Instrument instrument, String locale) {
        List<Item> items = instrument.items().stream().map(item -> {
            ItemText text = this.items.get(item.id());
            if (text == null) {
                return item;
            }
            List<AnswerOption> options = item.options().stream().map(o -> {
                String label = text.options().get(Scorer.plain(o.value()));
                return label == null ? o : new AnswerOption(o.value(), o.score(), with(o.label(), locale, label));
            }).toList();
            return new Item(item.id(), blank(text.text()) ? item.text() : with(item.text(), locale, text.text()),
                    options, item.reverse(), item.subscale(), item.multiple(), item.scored(), item.required(),
                    item.group());
        }).toList();
        List<ItemGroup> groups = instrument.groups().stream().map(g -> this.groups.containsKey(g.id())
                ? new ItemGroup(g.id(), with(g.text(), locale, this.groups.get(g.id())))
                : g).toList();
        return new Instrument(instrument.code(), instrument.version(), instrument.name(), instrument.source(),
                instrument.licence(), groups, items, instrument.scoring(), instrument.higherIsWorse(),
                instrument.reliability(), instrument.norms(), instrument.clinical(), instrument.bands());
    }

    private static AnswerOption optionOf(Item item, String value) {
        try {
            return item.option(new BigDecimal(value)).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** zh-CN first, en second, other locales after them. */
    static Map<String, String> with(Map<String, String> text, String locale, String value) {
        Map<String, String> merged = new LinkedHashMap<>(text);
        merged.put(locale, value);
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String first : List.of("zh-CN", "en")) {
            if (merged.containsKey(first)) {
                ordered.put(first, merged.get(first));
            }
        }
        ordered.putAll(merged);
        return ordered;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
